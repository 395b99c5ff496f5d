import {
  clientEvents,
  drawingShapesSchema,
  linkEndedSchema,
  type LiveAck,
  liveAckSchema,
  liveClientEvents,
  liveEndedSchema,
  type LiveLaser,
  liveLaserRelayedSchema,
  liveServerEvents,
  liveSessionStateSchema,
  type LiveTransport,
  presenceSchema,
  serverEvents,
  strokeInProgressSchema,
  type DrawingStroke,
  type LinkEnded,
  type PresenceUpdate,
} from '@cutroom/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { AssetSeqLog } from './asset-seq-log';
import { LiveSeatMemory, tabStorage } from './live-seat-memory';
import { LiveSessionStore } from './live-session-store';
import type { CacheUpdateRegistry } from './cache-update-registry';
import { arrivingEventSchema, readEvent, type ReceivedEvent } from './received-event';
import { RoomSignalsStore } from './room-signals';

export type RealtimeStatus = 'connecting' | 'live' | 'offline';

const ACK_TIMEOUT_MS = 10_000;
const joinProjectAckSchema = z.object({ ok: z.boolean() });
const presenceLeftSchema = z.object({ socketId: z.string(), assetId: z.uuid() });
const relayedTypingSchema = z.object({
  assetId: z.uuid(),
  typing: z.boolean(),
  user: z.object({ id: z.uuid(), displayName: z.string() }),
});
const drawer = { userId: z.uuid(), socketId: z.string() };
const relayedDrawingSchema = z.union([
  strokeInProgressSchema.extend(drawer),
  drawingShapesSchema.extend(drawer),
]);
const receivedJoinAckSchema = z.union([
  z.object({
    ok: z.literal(true),
    lastSeq: z.number().int().nonnegative(),
    events: z.array(arrivingEventSchema),
    presence: z.array(presenceSchema).optional(),
    liveSession: liveSessionStateSchema.nullable().optional(),
  }),
  z.object({ ok: z.literal(false), error: z.object({ statusCode: z.number(), message: z.string() }) }),
]);

/**
 * The app's one socket. Features ask to watch a project or an asset; the client joins those rooms,
 * keeps them joined across reconnects, and hands every event, once and in seq order, to the cache
 * updates the features registered.
 */
export class RealtimeClient {
  private socket: Socket | null = null;
  private status: RealtimeStatus = 'connecting';
  private readonly listeners = new Set<() => void>();
  private readonly projectWatchers = new Map<string, number>();
  private readonly assetWatchers = new Map<string, number>();
  private readonly seqs = new AssetSeqLog();
  /** Assets with a join in flight; their events wait here and go through the seq check after the ack. */
  private readonly held = new Map<string, ReceivedEvent[]>();
  /** Presence and live strokes: ephemeral, so kept here rather than in the query cache. */
  readonly signals = new RoomSignalsStore();
  /** The live session of each watched cut. */
  readonly live = new LiveSessionStore();
  /** My own last presence per asset, sent again whenever the room is (re)joined. */
  private readonly myPresence = new Map<string, PresenceUpdate>();
  private connectedBefore = false;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly cacheUpdates: CacheUpdateRegistry,
    /** The session ended; `linkEnded` says why, for a guest whose review link ended. */
    private readonly onSignedOut: (linkEnded?: LinkEnded['reason']) => void,
    /** The live session this tab is in, per cut: a reload takes the seat again. */
    private readonly seats = new LiveSeatMemory(tabStorage()),
  ) {}

  start(): void {
    if (this.socket) return;
    // `batches`: this client reads a busy room's events several to a message (asset:events).
    const socket = io({ path: '/socket.io', withCredentials: true, auth: { batches: true } });
    this.socket = socket;
    socket.on('connect', () => {
      this.setStatus('live');
      // Pushes sent while the socket was down are lost: what they carried is read again.
      if (this.connectedBefore) this.cacheUpdates.reconnected(this.queryClient);
      this.connectedBefore = true;
      this.seqs.forgetAllExcept(new Set(this.assetWatchers.keys()));
      for (const projectId of this.projectWatchers.keys()) void this.joinProject(projectId);
      for (const assetId of this.assetWatchers.keys()) void this.joinAsset(assetId);
    });
    socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      this.held.clear();
      this.signals.forgetAll();
      // The server closed it on purpose (e.g. a deploy): socket.io will not retry by itself.
      if (reason === 'io server disconnect') socket.connect();
    });
    // The server ends a socket whose session or review link has ended: reconnecting would only be refused.
    socket.on(serverEvents.sessionEnded, () => {
      this.stop();
      this.onSignedOut();
    });
    socket.on(serverEvents.linkEnded, (raw: unknown) => {
      const ended = linkEndedSchema.safeParse(raw);
      this.stop();
      this.onSignedOut(ended.success ? ended.data.reason : 'revoked');
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') {
        this.stop();
        this.onSignedOut();
        return;
      }
      this.setStatus('offline');
    });
    socket.on(serverEvents.assetEvent, (raw: unknown) => this.arrived(raw));
    // A busy room's events, several to a message: each as if it came alone, in order.
    socket.on(serverEvents.assetEvents, (raw: unknown) => {
      if (Array.isArray(raw)) for (const one of raw) this.arrived(one);
    });
    for (const pushed of this.cacheUpdates.pushEvents())
      socket.on(pushed, (raw: unknown) => this.cacheUpdates.applyPush(this.queryClient, pushed, raw));
    socket.on(serverEvents.presenceChanged, (raw: unknown) => {
      const presence = presenceSchema.safeParse(raw);
      if (presence.success && this.assetWatchers.has(presence.data.assetId))
        this.signals.presenceChanged(presence.data);
    });
    socket.on(serverEvents.presenceLeft, (raw: unknown) => {
      const left = presenceLeftSchema.safeParse(raw);
      if (left.success) this.signals.presenceLeft(left.data.assetId, left.data.socketId);
    });
    socket.on(liveServerEvents.state, (raw: unknown) => {
      const state = liveSessionStateSchema.safeParse(raw);
      if (state.success && this.assetWatchers.has(state.data.assetId))
        this.live.received(state.data, Date.now());
    });
    socket.on(liveServerEvents.ended, (raw: unknown) => {
      const ended = liveEndedSchema.safeParse(raw);
      if (!ended.success) return;
      this.live.endedSession(ended.data.assetId, ended.data.sessionId);
      this.seats.forget(ended.data.assetId, ended.data.sessionId);
      this.signals.clearLasers(ended.data.assetId);
    });
    // The server times the round trip to date a host's changes: answered at once.
    socket.on(liveServerEvents.clock, (answer?: () => void) => answer?.());
    socket.on(liveServerEvents.laser, (raw: unknown) => {
      const laser = liveLaserRelayedSchema.safeParse(raw);
      if (laser.success && this.assetWatchers.has(laser.data.assetId))
        this.signals.laser(laser.data, Date.now());
    });
    socket.on(serverEvents.typing, (raw: unknown) => {
      const typing = relayedTypingSchema.safeParse(raw);
      if (typing.success && this.assetWatchers.has(typing.data.assetId))
        this.signals.typing(typing.data.assetId, typing.data.user, typing.data.typing);
    });
    socket.on(serverEvents.drawing, (raw: unknown) => {
      const drawing = relayedDrawingSchema.safeParse(raw);
      if (!drawing.success || !this.assetWatchers.has(drawing.data.assetId)) return;
      const { assetId, versionId, frame, userId, socketId } = drawing.data;
      const source = { versionId, frame, userId, socketId };
      if ('shape' in drawing.data) this.signals.stroke(assetId, { ...source, shape: drawing.data.shape });
      else this.signals.finishedShapes(assetId, source, drawing.data.shapes);
    });
  }

  /** Tells the room where I am; repeated after every (re)join. Callers throttle it. */
  sendPresence(update: PresenceUpdate): void {
    this.myPresence.set(update.assetId, update);
    if (this.socket?.connected && !this.held.has(update.assetId))
      this.socket.emit(clientEvents.presence, update);
  }

  /** Whether I am writing a comment; sent when that changes. An internal one reaches members only. */
  sendTyping(assetId: string, typing: boolean, internal: boolean): void {
    if (this.socket?.connected) this.socket.emit(clientEvents.typing, { assetId, typing, internal });
  }

  /** My drawing as it is made, for others to see live; the comment carries the finished drawing. */
  sendStroke(stroke: DrawingStroke): void {
    if (this.socket?.connected) this.socket.emit(clientEvents.drawing, stroke);
  }

  /** As host or annotator: where my laser pointer is on the picture, or that I let it go. Callers pace it. */
  sendLaser(laser: LiveLaser): void {
    if (this.socket?.connected) this.socket.emit(liveClientEvents.laser, laser);
  }

  /** Starts the cut's live session from my player's transport, hosting it. */
  startLiveSession(assetId: string, transport: LiveTransport): Promise<LiveAck> {
    return this.liveRequest(liveClientEvents.start, { assetId, transport }, true);
  }

  /** Takes a seat in the cut's session; as its host too, I first take the session's state (see `catchingUp`). */
  joinLiveSession(assetId: string, brokenAway = false): Promise<LiveAck> {
    return this.liveRequest(liveClientEvents.join, { assetId }, true, brokenAway);
  }

  /** I have taken the session's state, after joining: as its host, my player drives it from now on. */
  caughtUpWithLiveSession(assetId: string): void {
    this.live.caughtUp(assetId);
  }

  leaveLiveSession(assetId: string): Promise<LiveAck> {
    // Out at once: if my leaving ends the session, its "ended" is not news to me.
    if (this.socket?.connected) this.live.setJoined(assetId, false);
    return this.liveRequest(liveClientEvents.leave, { assetId }, false);
  }

  /** As host: my transport changed (playing: `sampleAgeMs` ago it was at `transport.frame`). */
  driveLiveSession(assetId: string, transport: LiveTransport, sampleAgeMs?: number): Promise<LiveAck> {
    const age = sampleAgeMs === undefined ? {} : { sampleAgeMs };
    return this.liveRequest(liveClientEvents.drive, { assetId, transport, ...age });
  }

  makeLiveHost(assetId: string, userId: string): Promise<LiveAck> {
    return this.liveRequest(liveClientEvents.makeHost, { assetId, userId });
  }

  /** As host: hands someone in the session the pen (annotator), or takes it back (viewer). */
  setLiveRole(assetId: string, userId: string, role: 'annotator' | 'viewer'): Promise<LiveAck> {
    return this.liveRequest(liveClientEvents.setRole, { assetId, userId, role });
  }

  /**
   * The session no longer lists me though this tab joined it (I left it in another tab, or was let go
   * of): out of it here too, and a reload of this tab does not take the seat again.
   */
  lostLiveSeat(assetId: string): void {
    this.live.setJoined(assetId, false);
    this.seats.forget(assetId);
  }

  /** As a follower: look around alone (true), or follow the host again (false). Mine alone: the server is not told. */
  breakAwayFromLiveSession(assetId: string, brokenAway: boolean): void {
    this.live.setBrokenAway(assetId, brokenAway);
    const view = this.live.get(assetId);
    if (view.joined && view.session) this.seats.remember(assetId, view.session.sessionId, view.brokenAway);
  }

  /** A live-session message; its answer is the session as it now is, kept like any state heard. */
  private async liveRequest(
    event: string,
    body: { assetId: string } & Record<string, unknown>,
    joined?: boolean,
    /** Joining, take the seat looking around alone, as it was before a reload. */
    brokenAway = false,
  ): Promise<LiveAck> {
    const socket = this.socket;
    const offline: LiveAck = { ok: false, error: { statusCode: 503, message: 'Not connected: try again.' } };
    if (!socket?.connected) return offline;
    try {
      const ack = liveAckSchema.safeParse(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, body));
      if (!ack.success) return offline;
      if (ack.data.ok) {
        const { session } = ack.data;
        this.live.current(body.assetId, session, Date.now());
        if (joined !== undefined) {
          // Joining (not starting) a running session, my page shows its state before it may drive it.
          this.live.setJoined(
            body.assetId,
            joined && session !== null,
            event === liveClientEvents.join,
            brokenAway,
          );
          if (joined && session)
            this.seats.remember(body.assetId, session.sessionId, this.live.get(body.assetId).brokenAway);
          else this.seats.forget(body.assetId);
        }
      }
      return ack.data;
    } catch {
      return offline;
    }
  }

  stop(): void {
    const socket = this.socket;
    this.socket = null;
    this.held.clear();
    socket?.removeAllListeners();
    socket?.disconnect();
    this.setStatus('connecting');
  }

  getStatus = (): RealtimeStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Keeps the project's room joined until the returned function is called. */
  watchProject(projectId: string): () => void {
    const count = this.projectWatchers.get(projectId) ?? 0;
    this.projectWatchers.set(projectId, count + 1);
    if (count === 0 && this.socket?.connected) void this.joinProject(projectId);
    return () => {
      const left = (this.projectWatchers.get(projectId) ?? 1) - 1;
      if (left > 0) this.projectWatchers.set(projectId, left);
      else this.projectWatchers.delete(projectId);
    };
  }

  /** Keeps the asset's room joined (its events and live progress) until the returned function is called. */
  watchAsset(assetId: string): () => void {
    const count = this.assetWatchers.get(assetId) ?? 0;
    this.assetWatchers.set(assetId, count + 1);
    if (count === 0 && this.socket?.connected) void this.joinAsset(assetId);
    return () => {
      const left = (this.assetWatchers.get(assetId) ?? 1) - 1;
      if (left > 0) {
        this.assetWatchers.set(assetId, left);
        return;
      }
      this.assetWatchers.delete(assetId);
      this.seqs.forget(assetId);
      this.signals.forget(assetId);
      this.myPresence.delete(assetId);
      // Leaving the cut's pages leaves its session (a reload, which runs no cleanup, keeps the seat).
      if (this.live.get(assetId).joined) {
        if (this.socket?.connected) this.socket.emit(liveClientEvents.leave, { assetId });
        this.seats.forget(assetId);
      }
      this.live.forget(assetId);
      if (this.socket?.connected) this.socket.emit(clientEvents.leaveAsset, { assetId });
    };
  }

  private setStatus(status: RealtimeStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  private async joinProject(projectId: string): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    try {
      const ack = joinProjectAckSchema.safeParse(
        await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(clientEvents.joinProject, { projectId }),
      );
      // Joined (or refused because access ended): either way the list has to be read again.
      if (ack.success) this.cacheUpdates.projectJoined(this.queryClient, projectId);
    } catch {
      // No answer: the next connect joins again.
    }
  }

  /** One event off the wire: a change is applied only once it reads right. */
  private arrived(raw: unknown): void {
    const event = arrivingEventSchema.safeParse(raw);
    if (event.success) this.receive(readEvent(event.data));
  }

  private receive(event: ReceivedEvent): void {
    const held = this.held.get(event.assetId);
    if (held) {
      held.push(event);
      return;
    }
    switch (this.seqs.decide(event.assetId, event.seq)) {
      case 'duplicate':
        return;
      case 'apply':
        this.apply(event);
        return;
      case 'gap':
        void this.joinAsset(event.assetId);
        this.held.get(event.assetId)?.push(event);
        return;
    }
  }

  private apply(event: ReceivedEvent): void {
    this.cacheUpdates.applyEvent(this.queryClient, event);
    this.seqs.advance(event.assetId, event.seq);
    if (event.type === 'comment.created' && event.actorId)
      this.signals.clearStrokesBy(event.assetId, event.actorId);
  }

  /**
   * Joins an asset's room; with a known last seq the ack replays what was missed. Without one, the
   * asset is fetched again after the join so the snapshot includes everything before it.
   */
  private async joinAsset(assetId: string): Promise<void> {
    const socket = this.socket;
    if (!socket || this.held.has(assetId)) return;
    this.held.set(assetId, []);
    const afterSeq = this.seqs.last(assetId);
    try {
      const ack = receivedJoinAckSchema.safeParse(
        await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(clientEvents.joinAsset, afterSeq === undefined ? { assetId } : { assetId, afterSeq }),
      );
      if (ack.success && ack.data.ok) {
        this.signals.setPresence(assetId, ack.data.presence ?? []);
        const mine = this.myPresence.get(assetId);
        if (mine) socket.emit(clientEvents.presence, mine);
        const liveSession = ack.data.liveSession ?? null;
        this.live.current(assetId, liveSession, Date.now());
        // Back after a reconnect, or this tab reloaded while in the session: take my seat in it
        // again (within the server's grace a host keeps the role).
        const seat = this.seats.onOpen(assetId, liveSession?.sessionId ?? null);
        if (this.live.get(assetId).joined || seat === 'rejoin')
          void this.joinLiveSession(assetId, this.seats.brokenAwayIn(assetId));
        else if (seat === 'ended') this.live.endedWhileAway(assetId);
      }
      if (!ack.success || !ack.data.ok) {
        this.cacheUpdates.assetJoined(this.queryClient, assetId);
      } else if (afterSeq === undefined) {
        this.seqs.advance(assetId, ack.data.lastSeq);
        this.cacheUpdates.assetJoined(this.queryClient, assetId);
      } else {
        for (const event of ack.data.events.map(readEvent)) {
          if (event.seq > (this.seqs.last(assetId) ?? 0)) this.apply(event);
        }
        // The replay is capped: if it stopped short, start again from a fresh snapshot.
        if (ack.data.lastSeq > (this.seqs.last(assetId) ?? 0)) {
          this.seqs.advance(assetId, ack.data.lastSeq);
          this.cacheUpdates.assetJoined(this.queryClient, assetId);
        }
      }
    } catch {
      // No answer in time: the next connect joins again.
    } finally {
      const waiting = this.held.get(assetId) ?? [];
      this.held.delete(assetId);
      for (const event of waiting.sort((a, b) => a.seq - b.seq)) this.receive(event);
    }
  }
}
