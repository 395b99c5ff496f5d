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
  drawingStrokeSchema,
  joinAssetSchema,
  joinProjectSchema,
  presenceUpdateSchema,
  serverEvents,
  typingSchema,
} from '@cutroom/contracts';
import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { AuthService } from '../auth/auth.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { toApiError } from '../common/http/api-exception.filter.js';
import type { Logger } from '../common/logging/logger.js';
import { createPgPool } from '../database/pg-pool.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { ValidationException } from '../common/validation/validation.exception.js';
import { CommentsService } from '../review/comments.service.js';
import { GuestAccessService } from '../sharing/guest-access.service.js';
import { EphemeralThrottle, LatestStateThrottle } from './ephemeral-throttle.js';
import { eventsAfter } from './event-log.js';
import { draftAudience } from './draft-audience.js';
import { GUEST_ROOM, eventForGuest } from './event-visibility.js';
import { commentsNow, replayForGuest } from './guest-replay.js';
import { EventSizes, MESSAGE_LIMIT_BYTES, TRANSPORT_LIMIT_BYTES, tooLarge } from './message-size.js';
import { announceRoleChanged } from './access-lost.js';
import { type SocketData, socketAuthMiddleware } from './socket-auth.js';
import { mayWrite } from './write-rights.js';

type Refusal = {
  ok: false;
  error: { statusCode: number; message: string; fields?: { path: string; message: string }[] };
};

// setTimeout's ceiling (about 24.8 days); a socket open that long is checked again on reconnect.
const MAX_TIMER_MS = 2 ** 31 - 1;

export const assetRoom = (assetId: string) => `asset:${assetId}`;
export const projectRoom = (projectId: string) => `project:${projectId}`;
/** Every socket of one signed-in person: their own activity (unread count). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Every socket opened with one session, on every node: they close when it ends. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

@WebSocketGateway({ path: '/socket.io', serveClient: false, maxHttpBufferSize: TRANSPORT_LIMIT_BYTES })
export class RealtimeGateway
  implements OnModuleInit, OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  @WebSocketServer()
  server!: Server;

  private adapterPool: pg.Pool | undefined;
  private readonly throttle = new EphemeralThrottle(15);
  private readonly latestShapes = new LatestStateThrottle(10);
  // Typing is a state (on, off, internal or not): the last one must arrive, or a guest sees it stuck.
  private readonly latestTyping = new LatestStateThrottle(15);
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly auth: AuthService,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
    private readonly comments: CommentsService,
    private readonly guests: GuestAccessService,
    private readonly dataSource: DataSource,
    @Inject(LoggerToken) private readonly logger: Logger,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

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
    server.adapter(createAdapter(this.adapterPool, { tableName: 'socket_io_attachments' }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.adapterPool?.end().catch(() => undefined);
  }

  async handleConnection(socket: Socket): Promise<void> {
    this.refuseOversized(socket);
    // An event no handler knows is answered through its ack, not left to the client's timeout.
    const known = new Set<string>(Object.values(clientEvents));
    socket.use(([name, ...args], next) => {
      if (known.has(name)) return next();
      const ack: unknown = args.at(-1);
      const message = `Unknown event "${String(name).slice(0, 100)}"`;
      if (typeof ack === 'function') ack({ ok: false, error: { statusCode: 404, message } });
    });
    const { user } = socket.data as Partial<SocketData>;
    if (!user) return;
    const rooms = [userRoom(user.id), sessionRoom(user.sessionId)];
    await socket.join(user.guest ? [...rooms, GUEST_ROOM] : rooms);
    // The session (or a guest's link) can run out mid-session: the socket goes with it.
    const endsAt = Math.min(
      Date.parse(user.sessionExpiresAt),
      user.guest?.expiresAt ? Date.parse(user.guest.expiresAt) : Infinity,
    );
    const timer = setTimeout(
      () => {
        socket.emit(serverEvents.sessionEnded);
        socket.disconnect(true);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, endsAt - Date.now())),
    );
    this.expiryTimers.set(socket.id, timer);
  }

  /**
   * Measures each message as it arrives: one over the limit reaches no handler and is answered —
   * through its ack, or with request:refused when it has none — instead of being dropped unheard.
   */
  private refuseOversized(socket: Socket): void {
    const sizes = new EventSizes();
    socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type === 'message') sizes.heard(packet.data);
    });
    socket.use((event, next) => {
      const bytes = sizes.next();
      if (bytes <= MESSAGE_LIMIT_BYTES) return next();
      const error = tooLarge(bytes);
      const ack: unknown = event.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error });
      else socket.emit(serverEvents.refused, { event: String(event[0]), error });
    });
  }

  handleDisconnect(socket: Socket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
    this.throttle.forget(`${socket.id}:`);
    this.latestShapes.forget(`${socket.id}:`);
    this.latestTyping.forget(`${socket.id}:`);
    const presence = (socket.data as SocketData).presence;
    if (presence)
      socket
        .to(assetRoom(presence.assetId))
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
      await socket.join(assetRoom(assetId));
      const data = socket.data as SocketData;
      data.joined ??= new Map();
      data.joined.set(assetId, { projectId: access.projectId, role: access.role });
      const [row]: { last_seq: string }[] = await this.dataSource.query(
        `SELECT last_seq FROM assets WHERE id = $1`,
        [assetId],
      );
      const missed =
        afterSeq === undefined ? [] : await eventsAfter(this.dataSource.manager, assetId, afterSeq);
      const events = user.guest ? await this.replayForGuest(missed) : missed;
      const lastSeq = Math.max(Number(row?.last_seq ?? 0), missed.at(-1)?.seq ?? 0);
      const others = await this.server.in(assetRoom(assetId)).fetchSockets();
      const presence = others
        .map((other) => (other.data as SocketData).presence)
        .filter((p): p is Presence => p !== undefined && p.assetId === assetId && p.socketId !== socket.id);
      return { ok: true, lastSeq, events, presence };
    } catch (error) {
      return this.refuse(error, 'asset:join');
    }
  }

  /** What a guest is replayed: each event as guests saw it, then each thread judged as it is now. */
  private async replayForGuest(missed: AssetEvent[]): Promise<AssetEvent[]> {
    const shown = missed.flatMap((event) => eventForGuest(event) ?? []);
    return replayForGuest(missed, shown, await commentsNow(this.dataSource.manager, shown));
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
    const message = createCommentMessageSchema.pick({ versionId: true }).safeParse(body);
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
      // Signed out a moment ago on another node, before this socket was closed: refused all the same.
      await this.auth.requireLiveSession(user.sessionId);
      const created = await this.comments.create(user.id, message.data.versionId, comment.data);
      return { ok: true, comment: created };
    } catch (error) {
      return this.refuse(error, 'comment:create');
    }
  }

  /** Where a viewer is (version, frame, playing): broadcast to the room, never stored. */
  @SubscribeMessage(clientEvents.presence)
  presenceUpdate(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): void {
    const parsed = presenceUpdateSchema.safeParse(body);
    if (!parsed.success || !socket.rooms.has(assetRoom(parsed.data.assetId))) return;
    if (!this.throttle.admit(`${socket.id}:presence`)) return;
    const { user } = socket.data as SocketData;
    const presence: Presence = {
      ...parsed.data,
      socketId: socket.id,
      user: { id: user.id, displayName: user.displayName },
    };
    (socket.data as SocketData).presence = presence;
    socket.to(assetRoom(parsed.data.assetId)).emit(serverEvents.presenceChanged, presence);
  }

  /**
   * Someone's drawing as it is made: the stroke under the pen (dropped beyond the rate), and the
   * finished shapes whenever they change (coalesced, never dropped, so others end on the last state).
   * The posted comment carries the drawing itself.
   */
  @SubscribeMessage(clientEvents.drawing)
  drawing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): void {
    const parsed = drawingStrokeSchema.safeParse(body);
    if (!parsed.success) return;
    const room = assetRoom(parsed.data.assetId);
    // Only someone who may post the note draws it live: a viewer's pen reaches nobody.
    if (!socket.rooms.has(room) || !mayWrite((socket.data as SocketData).joined, parsed.data.assetId)) return;
    const { user } = socket.data as SocketData;
    const relayed = { ...parsed.data, userId: user.id, socketId: socket.id };
    const { assetId, versionId, frame } = parsed.data;
    const draft = {
      key: `draw:${assetId}`,
      event: serverEvents.drawing,
      cleared: {
        assetId,
        versionId,
        frame,
        internal: false,
        shapes: [],
        userId: user.id,
        socketId: socket.id,
      },
    };
    if ('shape' in parsed.data) {
      if (this.throttle.admit(`${socket.id}:draw`)) this.relayDraft(socket, draft, relayed, true);
      return;
    }
    const shows = parsed.data.shapes.length > 0;
    // A state that waited its turn goes only where its sender still is, and still may draw.
    this.latestShapes.offer(`${socket.id}:shapes:${parsed.data.assetId}`, () => {
      if (socket.rooms.has(room) && mayWrite((socket.data as SocketData).joined, parsed.data.assetId))
        this.relayDraft(socket, draft, relayed, shows);
    });
  }

  @SubscribeMessage(clientEvents.typing)
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): void {
    const parsed = typingSchema.safeParse(body);
    if (!parsed.success || !socket.rooms.has(assetRoom(parsed.data.assetId))) return;
    if (!mayWrite((socket.data as SocketData).joined, parsed.data.assetId)) return;
    const { user } = socket.data as SocketData;
    const relayed = { ...parsed.data, user: { id: user.id, displayName: user.displayName } };
    const draft = {
      key: `typing:${parsed.data.assetId}`,
      event: serverEvents.typing,
      cleared: { ...relayed, typing: false, internal: false },
    };
    const room = assetRoom(parsed.data.assetId);
    // A state that waited its turn goes only where its sender still is, and still may write.
    this.latestTyping.offer(`${socket.id}:typing:${parsed.data.assetId}`, () => {
      if (socket.rooms.has(room) && mayWrite((socket.data as SocketData).joined, parsed.data.assetId))
        this.relayDraft(socket, draft, relayed, parsed.data.typing);
    });
  }

  /**
   * Relays a note being drafted to its asset's room: an internal one to members only, after guests
   * drop what they were shown of it while it was shared (the room's members see that clear too, then
   * the draft again at once: socket.io cannot address only the guests of a room in order).
   */
  private relayDraft(
    socket: Socket,
    draft: { key: string; event: string; cleared: object },
    relayed: { assetId: string; internal: boolean },
    shows: boolean,
  ): void {
    const data = socket.data as SocketData;
    const held = (data.guestsHold ??= new Set());
    const audience = draftAudience({
      senderIsGuest: Boolean(data.user.guest),
      internal: relayed.internal,
      guestsHold: held.has(draft.key),
      shows,
    });
    const room = socket.to(assetRoom(relayed.assetId));
    if (audience.clearGuests) room.emit(draft.event, draft.cleared);
    if (audience.guestsHold) held.add(draft.key);
    else held.delete(draft.key);
    if (audience.membersOnly) room.except(GUEST_ROOM).emit(draft.event, relayed);
    else room.emit(draft.event, { ...relayed, internal: false });
  }

  /** An ack refusing the request, in the REST error's terms (status, message, fields). */
  private refuse(error: unknown, what: string): Refusal {
    const { statusCode, message, fields } = toApiError(error);
    if (statusCode >= 500) this.logger.error({ err: error }, `${what} failed`);
    return { ok: false, error: fields ? { statusCode, message, fields } : { statusCode, message } };
  }

  @SubscribeMessage(clientEvents.leaveAsset)
  async leaveAsset(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: boolean }> {
    const parsed = joinAssetSchema.pick({ assetId: true }).safeParse(body);
    if (!parsed.success) return { ok: false };
    const { assetId } = parsed.data;
    await socket.leave(assetRoom(assetId));
    (socket.data as SocketData).joined?.delete(assetId);
    // Whoever is still in the room stops seeing this viewer there.
    const data = socket.data as SocketData;
    if (data.presence?.assetId === assetId) {
      data.presence = undefined;
      socket.to(assetRoom(assetId)).emit(serverEvents.presenceLeft, { socketId: socket.id, assetId });
    }
    return { ok: true };
  }
}

function refusal(statusCode: number, message: string): Refusal {
  return { ok: false, error: { statusCode, message } };
}
