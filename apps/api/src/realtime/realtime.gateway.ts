import { Inject, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  type AssetEvent,
  type JoinAssetAck,
  type Presence,
  clientEvents,
  createCommentMessageSchema,
  joinAssetSchema,
  joinProjectSchema,
  liveClientEvents,
  type LiveAck,
  serverEvents,
} from '@cutroom/contracts';
import { type GuestView } from '@cutroom/policy';
import type pg from 'pg';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { AuthService } from '../auth/auth.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { Drain } from '../common/lifecycle/drain.js';
import type { Logger } from '../common/logging/logger.js';
import { Metrics } from '../common/metrics/metrics.js';
import { createPgPool } from '../database/pg-pool.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import { CommentsRepository } from '../review/comments.repository.js';
import { CommentsService } from '../review/comments.service.js';
import { GuestAccessService } from '../sharing/guest-access.service.js';
import { LiveSessionsService } from '../sessions/live-sessions.service.js';
import { eventsAfter, lastSeq } from '../events/event-log.js';
import { type Refusal, refusalFor } from './ack-refusal.js';
import { leaveAssetRooms } from './asset-room-exit.js';
import { LiveSessionRelay } from './live-session-relay.js';
import { GUEST_ROOM, MEMBER_ROOM, eventForGuest } from './event-visibility.js';
import { commentsNow, replayForGuest } from './guest-replay.js';
import { LiveSignals } from './live-signals.js';
import { postgresAdapter } from './postgres-adapter.js';
import { TRANSPORT_LIMIT_BYTES } from './message-size.js';
import { announceRoleChanged } from '../events/access-lost.js';
import {
  assetRoom,
  BATCH_READERS_ROOM,
  linkRoom,
  projectRoom,
  sessionRoom,
  SINGLE_READERS_ROOM,
  userRoom,
} from './rooms.js';
import { signalRooms, viewerRooms, visiblePresence } from './signal-audience.js';
import { type SocketData, socketAuthMiddleware } from './socket-auth.js';
import { answerUnknownEvents, refuseOversized } from './socket-guards.js';
import { SocketExpiry } from './socket-expiry.js';

// Made once: zod compiles a schema on its first use, so a schema derived per message costs every message.
const commentEnvelopeSchema = createCommentMessageSchema.pick({ versionId: true });
const leaveAssetSchema = joinAssetSchema.pick({ assetId: true });

@WebSocketGateway({ path: '/socket.io', serveClient: false, maxHttpBufferSize: TRANSPORT_LIMIT_BYTES })
export class RealtimeGateway
  implements OnModuleInit, OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  @WebSocketServer()
  server!: Server;

  private adapterPool: pg.Pool | undefined;
  private readonly signals: LiveSignals;
  readonly expiry = new SocketExpiry();
  private readonly live: LiveSessionRelay;

  constructor(
    private readonly auth: AuthService,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
    private readonly comments: CommentsService,
    private readonly commentRows: CommentsRepository,
    private readonly guests: GuestAccessService,
    private readonly dataSource: DataSource,
    @Inject(LoggerToken) private readonly logger: Logger,
    @Inject(AppConfigToken) private readonly config: AppConfig,
    private readonly metrics: Metrics,
    private readonly drain: Drain,
    liveSessions: LiveSessionsService,
  ) {
    this.live = new LiveSessionRelay(
      liveSessions,
      auth,
      logger,
      () => this.server,
      config.liveSessionGraceMs,
    );
    this.signals = new LiveSignals((socket, assetId) => this.live.drawsLive(socket, assetId));
  }

  /**
   * A socket of this process whose person can no longer see a cut (removed from its project, or the
   * cut moved where they are not): it leaves every room of the cut, and a live session running there
   * is over for it (its page stops following instead of waiting on states that no longer come).
   */
  async lostCut(socketId: string, assetId: string): Promise<void> {
    const socket = this.server.sockets.sockets.get(socketId);
    if (!socket) return;
    const wasOnCut = socket.rooms.has(assetRoom(assetId));
    await leaveAssetRooms(socket, assetId);
    if (wasOnCut) await this.live.endedFor(socket, assetId);
  }

  /** A live session's seats changed, on this process or another: strokes and lasers follow them. */
  liveSeatsChanged(assetId: string): Promise<void> {
    return this.live.seatsChanged(assetId);
  }

  /** A socket's rights changed (member role, guest link): a live session's pen it may no longer hold is taken back. */
  liveRightsChanged(data: SocketData): Promise<void> {
    return this.live.rightsChanged(data);
  }

  /** Postgres was out of reach a while: the seats of every live session here are read again. */
  refreshLiveSeats(): Promise<void> {
    return this.live.refreshSeats();
  }

  onModuleInit(): void {
    // A new role reaches sockets already in the project's rooms (removal is announced as access lost).
    this.projects.onMembershipChange(async (manager, change) => {
      if (change.after)
        await announceRoleChanged(manager, {
          projectId: change.projectId,
          userId: change.userId,
          role: change.after,
        });
    });
  }

  afterInit(server: Server): void {
    server.use(socketAuthMiddleware(this.auth, this.config.publicUrl));
    // Rooms span every api node: ephemeral signals travel between nodes through Postgres.
    const { url } = this.dataSource.options as { url: string };
    // Survives a database restart: the adapter LISTENs again on a fresh connection.
    this.adapterPool = createPgPool({ connectionString: url, max: 3 }, 'cutroom-socket-adapter', this.logger);
    server.adapter(postgresAdapter(this.adapterPool, { tableName: 'socket_io_attachments' }) as never);
    this.live.startSweeping();
    // Stopping: each socket's connection is closed (not the socket ended), so its client
    // reconnects at once — through the balancer, to a process that stays — and catches up by seq.
    this.drain.onStart(() => {
      for (const socket of server.sockets.sockets.values()) socket.conn.close();
    });
    this.metrics.gauge(
      'cutroom_sockets',
      'Sockets connected to this process',
      () => server.engine.clientsCount,
    );
    this.metrics.gauge(
      'cutroom_socket_rooms',
      'Rooms with a socket of this process in them, by kind (asset, project)',
      () => {
        const counts = { asset: 0, project: 0 };
        for (const room of server.of('/').adapter.rooms.keys()) {
          if (room.startsWith('asset:')) counts.asset++;
          else if (room.startsWith('project:')) counts.project++;
        }
        return Object.entries(counts).map(([kind, value]) => ({ labels: { kind }, value }));
      },
      ['kind'],
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.live.stopSweeping();
    await this.adapterPool?.end().catch(() => undefined);
  }

  async handleConnection(socket: Socket): Promise<void> {
    refuseOversized(socket);
    answerUnknownEvents(socket);
    const { user } = socket.data as Partial<SocketData>;
    if (!user) return;
    const readsBatches = (socket.handshake.auth as { batches?: unknown } | undefined)?.batches === true;
    const rooms = [
      userRoom(user.id),
      sessionRoom(user.sessionId),
      readsBatches ? BATCH_READERS_ROOM : SINGLE_READERS_ROOM,
    ];
    await socket.join(
      user.guest ? [...rooms, GUEST_ROOM, linkRoom(user.guest.linkId)] : [...rooms, MEMBER_ROOM],
    );
    // The session (or a guest's link) can run out mid-session: the socket goes with it.
    this.expiry.arm(socket);
  }

  handleDisconnect(socket: Socket): void {
    this.expiry.forget(socket);
    this.signals.forget(socket.id);
    this.live.disconnected(socket);
    const { presence, user } = socket.data as SocketData;
    if (presence)
      socket
        .to(signalRooms(user, presence.assetId))
        .emit(serverEvents.presenceLeft, { socketId: socket.id, assetId: presence.assetId });
  }

  /**
   * Joins an asset's room. The room is joined before the missed events are read, so an event
   * committed in between arrives twice at most — clients apply each seq once.
   */
  @SubscribeMessage(clientEvents.joinAsset)
  async joinAsset(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<JoinAssetAck> {
    const parsed = joinAssetSchema.safeParse(body);
    if (!parsed.success) {
      return {
        ok: false,
        error: { statusCode: 400, message: 'asset:join needs { assetId: uuid, afterSeq?: integer }' },
      };
    }
    const { user } = socket.data as SocketData;
    const { assetId, afterSeq } = parsed.data;
    try {
      await this.auth.requireLiveSession(user.sessionId);
      const access = await this.assets.requireAsset(user.id, assetId, 'project.view');
      await socket.join([assetRoom(assetId), ...viewerRooms(user, assetId)]);
      const data = socket.data as SocketData;
      data.joined ??= new Map();
      data.joined.set(assetId, { projectId: access.projectId, role: access.role });
      const stored = await lastSeq(this.dataSource.manager, assetId);
      const missed =
        afterSeq === undefined ? [] : await eventsAfter(this.dataSource.manager, assetId, afterSeq);
      const events = user.guest ? await this.replayForGuest(missed, user.guest) : missed;
      const presence = await this.presenceIn(assetId, socket.id, user);
      const liveSession = await this.live.current(socket, assetId);
      return { ok: true, lastSeq: Math.max(stored, missed.at(-1)?.seq ?? 0), events, presence, liveSession };
    } catch (error) {
      return this.refuse(error, 'asset:join');
    }
  }

  /**
   * Who else is in the asset's room, on every node. Best effort: a node that does not answer in
   * time (restarting, or its database link down a moment) costs the joiner the others' presence —
   * they see it with their next update — and never the join with its missed events.
   */
  private async presenceIn(
    assetId: string,
    ownSocketId: string,
    viewer: SocketData['user'],
  ): Promise<Presence[]> {
    try {
      const others = await this.server.in(assetRoom(assetId)).fetchSockets();
      return visiblePresence(
        viewer,
        others.map((other) => other.data as SocketData),
      ).filter((p) => p.assetId === assetId && p.socketId !== ownSocketId);
    } catch (error) {
      this.logger.warn({ err: error, assetId }, 'presence of the other nodes unavailable on join');
      return [];
    }
  }

  /**
   * What a guest is replayed: each event as guests of their link see it (by what it shows now),
   * then each thread judged as it is now.
   */
  private async replayForGuest(missed: AssetEvent[], view: GuestView): Promise<AssetEvent[]> {
    const shown = missed.flatMap((event) => eventForGuest(event, view) ?? []);
    return replayForGuest(missed, shown, await commentsNow(this.commentRows, this.dataSource.manager, shown));
  }

  /** Joins a project's room: every asset event of the project, so the grid stays live. */
  @SubscribeMessage(clientEvents.joinProject)
  async joinProject(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: true } | Refusal> {
    const parsed = joinProjectSchema.safeParse(body);
    if (!parsed.success)
      return { ok: false, error: { statusCode: 400, message: 'project:join needs { projectId: uuid }' } };
    const { user } = socket.data as SocketData;
    try {
      await this.auth.requireLiveSession(user.sessionId);
      // A guest follows a whole project only through a link that shows all of it.
      if (user.guest) await this.guests.requireProjectRoom(user, parsed.data.projectId);
      else await this.projects.requireRole(user.id, parsed.data.projectId, 'project.view');
      await socket.join(projectRoom(parsed.data.projectId));
      return { ok: true };
    } catch (error) {
      return this.refuse(error, 'project:join');
    }
  }

  /** Posts a comment: the same service, checks and event as the REST route. */
  @SubscribeMessage(clientEvents.createComment)
  async createComment(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: true; comment: unknown } | Refusal> {
    // The envelope first, then the comment, so a bad comment is answered field by field.
    const message = commentEnvelopeSchema.safeParse(body);
    if (!message.success) return refusal(400, 'comment:create needs { versionId: uuid, comment: {…} }');
    const comment = createCommentMessageSchema.shape.comment.safeParse(
      (body as { comment?: unknown }).comment,
    );
    if (!comment.success) {
      const invalid = ValidationException.fromZod(comment.error, 'comment');
      return { ok: false, error: { statusCode: 400, message: invalid.message, fields: invalid.fields } };
    }
    const { user } = socket.data as SocketData;
    try {
      // Signed out a moment ago on another node, before this socket was closed: refused all the
      // same (the session is asked in the query that checks access).
      const created = await this.comments.create(
        user.id,
        message.data.versionId,
        comment.data,
        user.sessionId,
      );
      return { ok: true, comment: created };
    } catch (error) {
      return this.refuse(error, 'comment:create');
    }
  }

  /** Where a viewer is (version, frame, playing): broadcast to the room, never stored. */
  @SubscribeMessage(clientEvents.presence)
  presenceUpdate(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): void {
    this.signals.presence(socket, body);
  }

  /** Someone's drawing as it is made (see LiveSignals). */
  @SubscribeMessage(clientEvents.drawing)
  drawing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): void {
    this.signals.drawing(socket, body);
  }

  @SubscribeMessage(clientEvents.typing)
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): void {
    this.signals.typing(socket, body);
  }

  /** Starts the cut's live session, hosted by the sender (see LiveSessionRelay for all live messages). */
  @SubscribeMessage(liveClientEvents.start)
  startLiveSession(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.live.start(socket, body);
  }

  @SubscribeMessage(liveClientEvents.join)
  joinLiveSession(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.live.join(socket, body);
  }

  @SubscribeMessage(liveClientEvents.leave)
  leaveLiveSession(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.live.leave(socket, body);
  }

  @SubscribeMessage(liveClientEvents.drive)
  driveLiveSession(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.live.drive(socket, body);
  }

  @SubscribeMessage(liveClientEvents.makeHost)
  makeLiveHost(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.live.makeHost(socket, body);
  }

  @SubscribeMessage(liveClientEvents.setRole)
  setLiveRole(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.live.setRole(socket, body);
  }

  /** The host's or an annotator's laser pointer: ephemeral, like strokes. */
  @SubscribeMessage(liveClientEvents.laser)
  liveLaser(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): void {
    this.live.laser(socket, body);
  }

  /** An ack refusing the request, in the REST error's terms (status, message, fields). */
  private refuse(error: unknown, what: string): Refusal {
    return refusalFor(error, what, this.logger);
  }

  @SubscribeMessage(clientEvents.leaveAsset)
  async leaveAsset(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: boolean }> {
    const parsed = leaveAssetSchema.safeParse(body);
    if (!parsed.success) return { ok: false };
    await leaveAssetRooms(socket, parsed.data.assetId);
    return { ok: true };
  }
}

function refusal(statusCode: number, message: string): Refusal {
  return { ok: false, error: { statusCode, message } };
}
