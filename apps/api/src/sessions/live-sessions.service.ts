import { Injectable } from '@nestjs/common';
import { LIVE_LOG_MAX_ENTRIES, type LiveLogWhat, type LiveTransport } from '@cutroom/contracts';
import {
  isGuest,
  joinSeats,
  leaveSeats,
  type LiveSeats,
  mayJoinLiveSession,
  mayStartLiveSession,
  passHost,
  penHandOver,
  penLost,
  setAnnotator,
} from '@cutroom/policy';
import { DataSource, type EntityManager } from 'typeorm';
import { AssetsErrorCode, AssetsException } from '../assets/assets.exception.js';
import { AssetsService } from '../assets/assets.service.js';
import { lockCut } from '../assets/cut-lock.repository.js';
import { retryOnConflict } from '../database/retry-deadlock.js';
import { announceLiveSeats } from '../events/live-seats-notice.js';
import { finishLiveSession } from './live-session-ending.js';
import { type HostSample, hostSampleTime } from './live-clock.js';

export type { HostSample } from './live-clock.js';
import { seatsOf } from './live-seats.js';
import { liveLogWrite } from './live-session-log.js';
import {
  addLiveParticipant,
  countLiveLogLine,
  insertLiveSession,
  loadLiveSession,
  logLiveSession,
  personLiveLog,
  runningLiveSessions,
  type StoredLiveSession,
  updateLiveTransport,
  withdrawLiveLogLine,
  writeLiveSeats,
} from './live-sessions.repository.js';
import { SessionsErrorCode, SessionsException } from './sessions.exception.js';

/** What a change left: the session as it now is, or the session that ended with it. */
export type LiveChange =
  | { kind: 'changed'; session: StoredLiveSession }
  | { kind: 'unchanged'; session: StoredLiveSession | null }
  | { kind: 'ended'; assetId: string; sessionId: string };

/**
 * Live review sessions, one per asset, held in Postgres so that every api process sees the same
 * one and it outlives any of them. Who may do what is `@cutroom/policy`'s; this applies it under
 * the session row's lock, so two changes never interleave.
 */
@Injectable()
export class LiveSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
  ) {}

  /** The asset's session, if one runs (no access check: the caller has joined the asset's room). */
  current(assetId: string): Promise<StoredLiveSession | undefined> {
    return loadLiveSession(this.dataSource.manager, assetId);
  }

  /** The cuts with a session running (for the sweep that lets go of people who are gone). */
  running(): Promise<string[]> {
    return runningLiveSessions(this.dataSource.manager);
  }

  /** A member who can see the cut starts its session, hosting it from their own transport. */
  async start(
    userId: string,
    assetId: string,
    transport: LiveTransport,
    sample?: HostSample,
  ): Promise<LiveChange> {
    const changedAt = hostSampleTime(sample);
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    const refusal = mayStartLiveSession(access.role);
    if (refusal) throw SessionsException.refusing(refusal);
    await this.requireTransportOf(userId, assetId, transport);
    return this.dataSource.transaction(async (manager) => {
      if (!(await insertLiveSession(manager, assetId, userId, transport, changedAt)))
        throw new SessionsException(SessionsErrorCode.AlreadyRunning);
      await announceLiveSeats(manager, assetId);
      await this.log(manager, assetId, 'started', userId);
      return { kind: 'changed', session: await this.reload(manager, assetId) };
    });
  }

  /** Anyone who can see the cut joins (again, after a reconnect): the session as it is now. */
  async join(userId: string, assetId: string): Promise<LiveChange> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view');
    const refusal = mayJoinLiveSession(access.role);
    if (refusal) throw SessionsException.refusing(refusal);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.requireSession(manager, assetId);
      if (session.participants.some((p) => p.userId === userId)) return { kind: 'unchanged', session };
      await addLiveParticipant(manager, assetId, userId);
      await this.writeSeats(
        manager,
        assetId,
        joinSeats(seatsOf(session), { userId, guest: isGuest(access.role) }),
      );
      await this.log(manager, assetId, 'joined', userId);
      return { kind: 'changed', session: await this.reload(manager, assetId) };
    });
  }

  /**
   * Someone leaves: the host role passes to the next member, and with no member left the session
   * ends, its log going to the cut's activity.
   */
  async leave(userId: string, assetId: string): Promise<LiveChange> {
    return retryOnConflict(() => this.leaveOnce(userId, assetId));
  }

  private leaveOnce(userId: string, assetId: string): Promise<LiveChange> {
    return this.dataSource.transaction(async (manager) => {
      // The cut's row before the session's, as removing a version or the cut takes them: ending
      // writes the log on the cut, and the other order could deadlock with them.
      await lockCut(manager, assetId);
      const session = await loadLiveSession(manager, assetId, true);
      if (!session || !session.participants.some((p) => p.userId === userId))
        return { kind: 'unchanged', session: session ?? null };
      const seats = leaveSeats(seatsOf(session), userId);
      await this.log(manager, assetId, 'left', userId);
      if (!seats) {
        await finishLiveSession(manager, session);
        return { kind: 'ended', assetId, sessionId: session.sessionId };
      }
      await this.writeSeats(manager, assetId, seats);
      if (seats.hostUserId !== session.host.userId)
        await this.log(manager, assetId, 'host', seats.hostUserId);
      return { kind: 'changed', session: await this.reload(manager, assetId) };
    });
  }

  /**
   * The host's transport changed: stored with the next revision and the server's clock when the
   * host's player was there (see `hostSampleTime`).
   */
  async drive(
    userId: string,
    assetId: string,
    transport: LiveTransport,
    sample?: HostSample,
  ): Promise<LiveChange> {
    const changedAt = hostSampleTime(sample);
    await this.requireTransportOf(userId, assetId, transport);
    return this.dataSource.transaction(async (manager) => {
      if (!(await updateLiveTransport(manager, assetId, userId, transport, changedAt))) {
        await this.requireSession(manager, assetId);
        throw new SessionsException(SessionsErrorCode.NotHost);
      }
      return { kind: 'changed', session: await this.reload(manager, assetId) };
    });
  }

  /** "Make host": the host passes the role to a member in the session. */
  async makeHost(userId: string, assetId: string, toUserId: string): Promise<LiveChange> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.requireSession(manager, assetId);
      const passed = passHost(seatsOf(session), userId, toUserId);
      if (!passed.ok) throw SessionsException.refusing(passed.refusal);
      await this.writeSeats(manager, assetId, passed.seats);
      if (toUserId !== userId) await this.log(manager, assetId, 'host', toUserId);
      return { kind: 'changed', session: await this.reload(manager, assetId) };
    });
  }

  /**
   * The host makes someone in the session an annotator (their live drawings and laser pointer show
   * on everyone's picture), or a viewer again. Only someone who may write on the cut annotates.
   */
  async setRole(
    userId: string,
    assetId: string,
    toUserId: string,
    role: 'annotator' | 'viewer',
  ): Promise<LiveChange> {
    const target = await this.assets
      .requireAsset(toUserId, assetId, 'project.view')
      .catch((error: unknown) => {
        if (error instanceof AssetsException) return undefined;
        throw error;
      });
    return this.dataSource.transaction(async (manager) => {
      const seats = seatsOf(await this.requireSession(manager, assetId));
      const changed = setAnnotator(seats, userId, toUserId, role === 'annotator', target?.role ?? null);
      if (!changed.ok) throw SessionsException.refusing(changed.refusal);
      await this.writeSeats(manager, assetId, changed.seats);
      const handedOver = penHandOver(seats, changed.seats, toUserId);
      if (handedOver) await this.log(manager, assetId, handedOver, toUserId);
      return { kind: 'changed', session: await this.reload(manager, assetId) };
    });
  }

  /**
   * Someone's rights on the cut changed (role lowered, link's comment right gone): the pen they may
   * no longer hold is taken back, logged as the host's taking it back would be.
   */
  async takeBackPenIfBarred(userId: string, assetId: string): Promise<LiveChange> {
    const access = await this.assets.requireAsset(userId, assetId, 'project.view').catch((error: unknown) => {
      if (error instanceof AssetsException) return undefined;
      throw error;
    });
    return this.dataSource.transaction(async (manager) => {
      const session = await loadLiveSession(manager, assetId, true);
      const seats = session && penLost(seatsOf(session), userId, access?.role ?? null);
      if (!seats) return { kind: 'unchanged', session: session ?? null };
      await this.writeSeats(manager, assetId, seats);
      await this.log(manager, assetId, 'viewer', userId);
      return { kind: 'changed', session: await this.reload(manager, assetId) };
    });
  }

  /**
   * The transport names a version of this cut the caller can see, and frames inside it; in compare,
   * B is another version of this cut the caller can see — checked before anything is stored, so
   * followers are never sent somewhere they cannot go.
   */
  private async requireTransportOf(userId: string, assetId: string, transport: LiveTransport): Promise<void> {
    const { frameCount } = await this.requireVersionOf(userId, assetId, transport.versionId);
    const frames = [transport.frame, transport.loopIn, transport.loopOut];
    if (frameCount !== null && frames.some((frame) => frame !== null && frame >= frameCount))
      throw new SessionsException(SessionsErrorCode.FrameOutOfRange);
    if (transport.compare)
      await this.requireVersionOf(
        userId,
        assetId,
        transport.compare.versionId,
        SessionsErrorCode.WrongCompareVersion,
      );
  }

  private async requireVersionOf(
    userId: string,
    assetId: string,
    versionId: string,
    refusal = SessionsErrorCode.WrongVersion,
  ): Promise<{ frameCount: number | null }> {
    const target = await this.assets.versionTarget(userId, versionId).catch((error: unknown) => {
      if (error instanceof AssetsException && error.code === AssetsErrorCode.VersionNotFound)
        return undefined;
      throw error;
    });
    if (!target || target.assetId !== assetId) throw new SessionsException(refusal);
    return target;
  }

  /** A line in the session's log, as `liveLogWrite` lets someone's comings and goings in. */
  private async log(
    manager: EntityManager,
    assetId: string,
    what: LiveLogWhat,
    userId: string,
  ): Promise<void> {
    const { person, now } = await personLiveLog(manager, assetId, userId);
    const write = liveLogWrite(what, person, now);
    if (write.kind === 'withdraw') await withdrawLiveLogLine(manager, assetId, write.lineId);
    else if (write.kind === 'count') await countLiveLogLine(manager, assetId);
    else await logLiveSession(manager, assetId, what, userId, LIVE_LOG_MAX_ENTRIES);
  }

  /** New seats, and every api node told to read them again once they commit. */
  private async writeSeats(manager: EntityManager, assetId: string, seats: LiveSeats): Promise<void> {
    await writeLiveSeats(manager, assetId, seats);
    await announceLiveSeats(manager, assetId);
  }

  private async requireSession(manager: EntityManager, assetId: string): Promise<StoredLiveSession> {
    const session = await loadLiveSession(manager, assetId, true);
    if (!session) throw new SessionsException(SessionsErrorCode.NoSession);
    return session;
  }

  private async reload(manager: EntityManager, assetId: string): Promise<StoredLiveSession> {
    return (await loadLiveSession(manager, assetId)) as StoredLiveSession;
  }
}
