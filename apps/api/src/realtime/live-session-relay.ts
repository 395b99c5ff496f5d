import {
  LIVE_DRIVE_BURST,
  LIVE_DRIVE_PER_SECOND,
  type LiveAck,
  type LiveLaserRelayed,
  type LiveSessionState,
  liveDriveSchema,
  liveJoinSchema,
  liveLaserSchema,
  liveLeaveSchema,
  liveMakeHostSchema,
  liveServerEvents,
  liveSetRoleSchema,
  liveStartSchema,
} from '@cutroom/contracts';
import { drawsLiveInSession, liveSessionRoleOf, mayAnnotate, mayPointLive, readerOf } from '@cutroom/policy';
import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import type { AuthService } from '../auth/auth.service.js';
import type { Logger } from '../common/logging/logger.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import { seatsOf } from '../sessions/live-seats.js';
import { type LiveSessionViewer, liveSessionView } from '../sessions/live-session-view.js';
import type { HostSample, LiveChange, LiveSessionsService } from '../sessions/live-sessions.service.js';
import { type Refusal, refusalFor } from './ack-refusal.js';
import { LatestStateThrottle } from './ephemeral-throttle.js';
import { LatestCommandGate } from './latest-command-gate.js';
import { LiveSeatsCache } from './live-seats-cache.js';
import { roundTripOf, withRoundTrip } from './round-trip.js';
import { assetRoom, linkAssetRoom, liveSessionRoom, teamViewRoom } from './rooms.js';
import { signalRooms } from './signal-audience.js';
import type { SocketData } from './socket-auth.js';

/** How often a socket in a live session has its round trip timed, and how long its answer may take. */
const ROUND_TRIP_EVERY_MS = 10_000;
const ROUND_TRIP_TIMEOUT_MS = 2_000;

/**
 * Live sessions over the socket: each message parsed by its contract, applied by the sessions
 * service (the state lives in Postgres), and the result sent to everyone on the cut through the
 * rooms (which span every api process). A socket's messages are applied in the order it sent them.
 */
export class LiveSessionRelay {
  private readonly inOrder = new Map<string, Promise<unknown>>();
  /** Per session this process looks after: who had no socket following it at the last look. */
  private readonly absent = new Map<string, Set<string>>();
  private sweeper: NodeJS.Timeout | undefined;
  /** Who hosts and annotates each session this process has sockets on: strokes and lasers go by it. */
  private readonly seats: LiveSeatsCache;
  // A pointer is a position: the latest one (and the letting go) always goes out, 20 a second at most.
  private readonly lasers = new LatestStateThrottle(20);
  // A host's commands are bounded, bursts and all; of those beyond, the latest goes (see LIVE_DRIVE_BURST).
  private readonly drives = new LatestCommandGate<LiveAck>(
    LIVE_DRIVE_BURST,
    LIVE_DRIVE_PER_SECOND,
    superseded,
  );

  constructor(
    private readonly sessions: LiveSessionsService,
    private readonly auth: AuthService,
    private readonly logger: Logger,
    private readonly server: () => Server,
    /** How long someone with no socket following a session stays in it (LIVE_SESSION_GRACE_SECONDS). */
    private readonly graceMs: number,
  ) {
    this.seats = new LiveSeatsCache(async (assetId) => {
      const session = await sessions.current(assetId);
      return session ? seatsOf(session) : null;
    });
  }

  /**
   * Looks, every grace period, at each running session (listed from Postgres, so also those nobody
   * follows any more): whoever had no socket following it (on any process) at two looks in a row
   * leaves it, and with nobody left it ends. This is what lets go of the people of an api process
   * that died — its own timers died with it — even when every page closed meanwhile. Several
   * processes may sweep the same session: leaving takes its row lock, so it ends once.
   */
  startSweeping(): void {
    this.sweeper = setInterval(() => void this.sweep(), this.graceMs);
    this.sweeper.unref();
  }

  stopSweeping(): void {
    clearInterval(this.sweeper);
  }

  private async sweep(): Promise<void> {
    let watched: Set<string>;
    try {
      watched = new Set(await this.sessions.running());
    } catch (error) {
      this.logger.warn({ err: error }, 'the running live sessions could not be listed');
      return;
    }
    for (const assetId of this.absent.keys()) if (!watched.has(assetId)) this.absent.delete(assetId);
    await this.refreshSeats(false);
    for (const assetId of watched) {
      try {
        await this.letGoOfAbsent(assetId);
      } catch (error) {
        this.logger.warn({ err: error, assetId }, 'a live session could not be checked for absent people');
      }
    }
  }

  private async letGoOfAbsent(assetId: string): Promise<void> {
    const session = await this.sessions.current(assetId);
    if (!session) {
      this.absent.delete(assetId);
      return;
    }
    const followers = await this.server().in(liveSessionRoom(assetId)).fetchSockets();
    const present = new Set(followers.map((socket) => (socket.data as SocketData).user.id));
    const missing = session.participants.filter((p) => !present.has(p.userId)).map((p) => p.userId);
    const before = this.absent.get(assetId) ?? new Set();
    this.absent.set(assetId, new Set(missing));
    for (const userId of missing.filter((id) => before.has(id)))
      this.announce(await this.sessions.leave(userId, assetId));
  }

  /**
   * Reads again the seats this process holds, and forgets those of cuts nobody here has open: of
   * every cut after Postgres was out of reach (a session may have started meanwhile), of running
   * sessions only at each sweep (a safety net: every change is announced).
   */
  async refreshSeats(everyCut = true): Promise<void> {
    for (const assetId of this.seats.assets()) {
      if (everyCut || this.seats.known(assetId) !== null) await this.seatsChanged(assetId);
      else if (!this.server().of('/').adapter.rooms.has(assetRoom(assetId))) this.seats.forget(assetId);
    }
  }

  /** A session's seats changed (on any process): read them again if someone here has the cut open. */
  async seatsChanged(assetId: string): Promise<void> {
    if (!this.server().of('/').adapter.rooms.has(assetRoom(assetId))) {
      this.seats.forget(assetId);
      return;
    }
    try {
      await this.seats.refresh(assetId);
    } catch (error) {
      this.logger.warn({ err: error, assetId }, "a live session's seats could not be read");
    }
  }

  /**
   * Whether a socket's drawing under way reaches the others in the cut's room: in a live session,
   * only the host's and annotators' do (see `drawsLiveInSession`). Seats not read yet on this
   * process are read now, and until then the room's usual rules apply.
   */
  drawsLive(socket: Socket, assetId: string): boolean {
    const seats = this.seats.known(assetId);
    if (seats === undefined) void this.seatsChanged(assetId);
    return drawsLiveInSession(seats ?? null, (socket.data as SocketData).user.id);
  }

  /** The session on a cut, as this socket may see it (for the asset:join ack). */
  async current(socket: Socket, assetId: string): Promise<LiveSessionState | null> {
    this.timeRoundTrip(socket);
    const readNumber = this.seats.begin(assetId);
    const session = await this.sessions.current(assetId);
    this.seats.offer(assetId, session ? seatsOf(session) : null, readNumber);
    return session ? liveSessionView(session, new Date(), viewerOf(socket)) : null;
  }

  /**
   * The host's or an annotator's laser pointer, to everyone on the cut who sees their signals (as
   * strokes go); anyone else's is dropped. Positions beyond the rate give way to the latest.
   */
  laser(socket: Socket, body: unknown): void {
    const parsed = liveLaserSchema.safeParse(body);
    if (!parsed.success || !this.mayPoint(socket, parsed.data.assetId)) return;
    const { user } = socket.data as SocketData;
    const relayed: LiveLaserRelayed = {
      ...parsed.data,
      userId: user.id,
      socketId: socket.id,
      displayName: user.displayName,
    };
    // One that waited its turn goes only if its sender still may point. The host's reaches everyone
    // following the session, guests whose link hides the team too (they see who hosts); an
    // annotator's, those who see their presence.
    this.lasers.offer(`${socket.id}:laser:${parsed.data.assetId}`, () => {
      const { assetId } = parsed.data;
      if (!this.mayPoint(socket, assetId)) return;
      const seats = this.seats.known(assetId);
      const rooms = signalRooms(user, assetId);
      if (seats && liveSessionRoleOf(seats, user.id) === 'host') rooms.push(liveSessionRoom(assetId));
      socket.to(rooms).emit(liveServerEvents.laser, relayed);
    });
  }

  /**
   * A socket's rights changed (its member's project role, or its guest's link): in each session it
   * follows where it may no longer write, its person loses the pen, and everyone is told. Several
   * sockets (or api nodes) may ask for one person: taking it back happens once.
   */
  async rightsChanged(data: SocketData): Promise<void> {
    for (const assetId of data.liveSessions ?? []) {
      const access = data.joined?.get(assetId);
      if (access && mayAnnotate(access.role)) continue;
      try {
        const change = await this.sessions.takeBackPenIfBarred(data.user.id, assetId);
        this.announce(change);
        if (change.kind === 'changed')
          this.seats.offer(assetId, seatsOf(change.session), this.seats.begin(assetId));
      } catch (error) {
        this.logger.warn({ err: error, assetId }, 'a live session pen could not be taken back');
      }
    }
  }

  /** A socket that can no longer see a cut is told the session running there, if any, is over for it. */
  async endedFor(socket: Socket, assetId: string): Promise<void> {
    try {
      const session = await this.sessions.current(assetId);
      if (session) socket.emit(liveServerEvents.ended, { assetId, sessionId: session.sessionId });
    } catch (error) {
      this.logger.warn(
        { err: error, assetId },
        'a socket that lost a cut could not be told its live session ended',
      );
    }
  }

  private mayPoint(socket: Socket, assetId: string): boolean {
    const { user, joined } = socket.data as SocketData;
    const access = joined?.get(assetId);
    if (!access || !socket.rooms.has(assetRoom(assetId))) return false;
    const seats = this.seats.known(assetId);
    if (seats === undefined) void this.seatsChanged(assetId);
    return seats ? mayPointLive(seats, user.id, access.role) === null : false;
  }

  start(socket: Socket, body: unknown): Promise<LiveAck> {
    const receivedAt = new Date();
    this.timeRoundTrip(socket);
    return this.apply(socket, 'live:start', liveStartSchema, body, async (userId, message) => {
      const change = await this.sessions.start(
        userId,
        message.assetId,
        message.transport,
        this.sampleOf(socket, receivedAt, message.sampleAgeMs),
      );
      await this.follow(socket, message.assetId);
      return change;
    });
  }

  join(socket: Socket, body: unknown): Promise<LiveAck> {
    this.timeRoundTrip(socket);
    return this.apply(socket, 'live:join', liveJoinSchema, body, async (userId, message) => {
      const change = await this.sessions.join(userId, message.assetId);
      await this.follow(socket, message.assetId);
      return change;
    });
  }

  leave(socket: Socket, body: unknown): Promise<LiveAck> {
    return this.apply(socket, 'live:leave', liveLeaveSchema, body, async (userId, message) => {
      await this.unfollow(socket, message.assetId);
      return this.sessions.leave(userId, message.assetId);
    });
  }

  /**
   * The host's transport: within LIVE_DRIVE_BURST at once and LIVE_DRIVE_PER_SECOND, applied at once;
   * beyond, it waits for its turn and a newer one from the same socket on the same cut replaces it.
   */
  drive(socket: Socket, body: unknown): Promise<LiveAck> {
    // Dated as it comes in: waiting for its turn, or for the database, does not make it later.
    const receivedAt = new Date();
    this.timeRoundTrip(socket);
    const run = () =>
      this.apply(socket, 'live:drive', liveDriveSchema, body, (userId, message) =>
        this.sessions.drive(
          userId,
          message.assetId,
          message.transport,
          this.sampleOf(socket, receivedAt, message.sampleAgeMs),
        ),
      );
    const parsed = liveDriveSchema.safeParse(body);
    if (!parsed.success) return run();
    return this.drives.offer(`${socket.id}:${parsed.data.assetId}`, run);
  }

  makeHost(socket: Socket, body: unknown): Promise<LiveAck> {
    return this.apply(socket, 'live:make-host', liveMakeHostSchema, body, (userId, message) =>
      this.sessions.makeHost(userId, message.assetId, message.userId),
    );
  }

  setRole(socket: Socket, body: unknown): Promise<LiveAck> {
    return this.apply(socket, 'live:set-role', liveSetRoleSchema, body, (userId, message) =>
      this.sessions.setRole(userId, message.assetId, message.userId, message.role),
    );
  }

  /**
   * A socket went. Each session it followed keeps its person for a grace period; if by then no
   * socket of theirs follows it on any process, they leave it (and the host role moves on).
   */
  disconnected(socket: Socket): void {
    this.inOrder.delete(socket.id);
    this.lasers.forget(`${socket.id}:`);
    this.drives.forget(`${socket.id}:`);
    const data = socket.data as SocketData;
    for (const assetId of data.liveSessions ?? []) {
      const timer = setTimeout(() => void this.leaveIfGone(data.user.id, assetId), this.graceMs);
      timer.unref();
    }
  }

  private async leaveIfGone(userId: string, assetId: string): Promise<void> {
    try {
      const followers = await this.server().in(liveSessionRoom(assetId)).fetchSockets();
      if (followers.some((other) => (other.data as SocketData).user.id === userId)) return;
      this.announce(await this.sessions.leave(userId, assetId));
    } catch (error) {
      this.logger.warn({ err: error, assetId }, 'a live session follower could not be checked out');
    }
  }

  /** What dates a host's message: when it came in, how old its reading was, the socket's round trip. */
  private sampleOf(socket: Socket, receivedAt: Date, sampleAgeMs: number | undefined): HostSample {
    return { receivedAt, sampleAgeMs, roundTripMs: roundTripOf((socket.data as SocketData).roundTrips) };
  }

  /**
   * Times the socket's round trip (`live:clock`, answered at once by the client), at most every
   * ROUND_TRIP_EVERY_MS: a host's changes are dated back by half of it (see `hostSampleTime`). Unanswered, nothing is known.
   */
  private timeRoundTrip(socket: Socket): void {
    const data = socket.data as SocketData;
    const now = Date.now();
    if (now - (data.roundTripTimedAt ?? -Infinity) < ROUND_TRIP_EVERY_MS) return;
    data.roundTripTimedAt = now;
    const sent = performance.now();
    socket
      .timeout(ROUND_TRIP_TIMEOUT_MS)
      .emitWithAck(liveServerEvents.clock)
      .then(
        () => (data.roundTrips = withRoundTrip(data.roundTrips ?? [], performance.now() - sent)),
        () => undefined,
      );
  }

  private async follow(socket: Socket, assetId: string): Promise<void> {
    await socket.join(liveSessionRoom(assetId));
    ((socket.data as SocketData).liveSessions ??= new Set()).add(assetId);
  }

  private async unfollow(socket: Socket, assetId: string): Promise<void> {
    await socket.leave(liveSessionRoom(assetId));
    (socket.data as SocketData).liveSessions?.delete(assetId);
  }

  /**
   * Parses, checks the socket's session and that it opened the cut, applies, announces, answers.
   * Runs after the socket's previous live message has been applied.
   */
  private apply<T extends { assetId: string }>(
    socket: Socket,
    what: string,
    schema: ZodType<T>,
    body: unknown,
    change: (userId: string, message: T) => Promise<LiveChange>,
  ): Promise<LiveAck> {
    // A drive still waiting for its turn goes first: this socket's messages are applied in order.
    if (what !== 'live:drive') this.drives.flush(`${socket.id}:`);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const invalid = ValidationException.fromZod(parsed.error, what);
      return Promise.resolve({
        ok: false,
        error: { statusCode: 400, message: invalid.message, fields: invalid.fields },
      });
    }
    const run = async (): Promise<LiveAck> => {
      const { user, joined } = socket.data as SocketData;
      try {
        await this.auth.requireLiveSession(user.sessionId);
        if (!joined?.has(parsed.data.assetId) || !socket.rooms.has(assetRoom(parsed.data.assetId)))
          return notJoined();
        const result = await change(user.id, parsed.data);
        this.announce(result);
        const session = result.kind === 'ended' ? null : result.session;
        // This process acts on the new seats at once; the others when told through Postgres.
        if (result.kind !== 'unchanged')
          this.seats.offer(
            parsed.data.assetId,
            session && seatsOf(session),
            this.seats.begin(parsed.data.assetId),
          );
        return { ok: true, session: session && liveSessionView(session, new Date(), viewerOf(socket)) };
      } catch (error) {
        return refusalFor(error, what, this.logger) satisfies Refusal;
      }
    };
    const previous = this.inOrder.get(socket.id) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.inOrder.set(socket.id, next);
    void next.finally(() => {
      if (this.inOrder.get(socket.id) === next) this.inOrder.delete(socket.id);
    });
    return next;
  }

  /**
   * Tells everyone on the cut, on every process: the team (and guests who see it) who follows in
   * full; other guests, only the guests of their own link who follow.
   */
  private announce(change: LiveChange): void {
    const server = this.server();
    if (change.kind === 'unchanged') return;
    if (change.kind === 'ended') {
      server
        .to(assetRoom(change.assetId))
        .emit(liveServerEvents.ended, { assetId: change.assetId, sessionId: change.sessionId });
      return;
    }
    const { session } = change;
    const { assetId } = session;
    const now = new Date();
    const team = teamViewRoom(assetId);
    server
      .to(team)
      .emit(liveServerEvents.state, liveSessionView(session, now, { reader: 'team', linkId: null }));
    const links = [...new Set(session.participants.flatMap((p) => (p.linkId ? [p.linkId] : [])))];
    const guestOf = (linkId: string | null): LiveSessionViewer => ({
      reader: { guest: { showTeamActivity: false, linkId } },
      linkId,
    });
    for (const linkId of links)
      server
        .to(linkAssetRoom(linkId, assetId))
        .except(team)
        .emit(liveServerEvents.state, liveSessionView(session, now, guestOf(linkId)));
    server
      .to(assetRoom(assetId))
      .except([team, ...links.map((linkId) => linkAssetRoom(linkId, assetId))])
      .emit(liveServerEvents.state, liveSessionView(session, now, guestOf(null)));
  }
}

function viewerOf(socket: Socket): LiveSessionViewer {
  const { guest } = (socket.data as SocketData).user;
  return { reader: readerOf(guest), linkId: guest?.linkId ?? null };
}

function superseded(): LiveAck {
  return {
    ok: false,
    error: {
      statusCode: 429,
      code: 'drive_superseded',
      message: `More than ${LIVE_DRIVE_PER_SECOND} drive commands a second: a newer one replaced this one.`,
    },
  };
}

function notJoined(): LiveAck {
  return {
    ok: false,
    error: { statusCode: 409, message: 'Open the cut first (asset:join), then its live session.' },
  };
}
