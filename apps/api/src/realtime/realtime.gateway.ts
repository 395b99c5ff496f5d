import { Inject } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type JoinAssetAck, clientEvents, joinAssetSchema, joinProjectSchema } from '@cutroom/contracts';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { AuthService } from '../auth/auth.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { DomainException, statusForKind } from '../common/http/domain.exception.js';
import type { Logger } from '../common/logging/logger.js';
import { LoggerToken } from '../config/config.provider.js';
import { eventsAfter } from './event-log.js';
import { type SocketData, socketAuthMiddleware } from './socket-auth.js';

export const assetRoom = (assetId: string) => `asset:${assetId}`;
export const projectRoom = (projectId: string) => `project:${projectId}`;

@WebSocketGateway({ path: '/socket.io', serveClient: false, maxHttpBufferSize: 1_000_000 })
export class RealtimeGateway implements OnGatewayInit {
  @WebSocketServer()
  server!: Server;

  constructor(
    private readonly auth: AuthService,
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
    private readonly dataSource: DataSource,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  afterInit(server: Server): void {
    server.use(socketAuthMiddleware(this.auth));
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
      await this.assets.requireAsset(user.id, assetId, 'project.view');
      await socket.join(assetRoom(assetId));
      const [row]: { last_seq: string }[] = await this.dataSource.query(
        `SELECT last_seq FROM assets WHERE id = $1`,
        [assetId],
      );
      const events =
        afterSeq === undefined ? [] : await eventsAfter(this.dataSource.manager, assetId, afterSeq);
      const lastSeq = Math.max(Number(row?.last_seq ?? 0), events.at(-1)?.seq ?? 0);
      return { ok: true, lastSeq, events };
    } catch (error) {
      if (error instanceof DomainException) {
        return { ok: false, error: { statusCode: statusForKind[error.kind], message: error.message } };
      }
      this.logger.error({ err: error, assetId }, 'asset:join failed');
      return { ok: false, error: { statusCode: 500, message: 'Something went wrong on our side.' } };
    }
  }

  /** Joins a project's room: every asset event of the project, so the grid stays live. */
  @SubscribeMessage(clientEvents.joinProject)
  async joinProject(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: true } | { ok: false; error: { statusCode: number; message: string } }> {
    const parsed = joinProjectSchema.safeParse(body);
    if (!parsed.success)
      return { ok: false, error: { statusCode: 400, message: 'project:join needs { projectId: uuid }' } };
    try {
      await this.projects.requireRole(
        (socket.data as SocketData).user.id,
        parsed.data.projectId,
        'project.view',
      );
      await socket.join(projectRoom(parsed.data.projectId));
      return { ok: true };
    } catch (error) {
      if (error instanceof DomainException) {
        return { ok: false, error: { statusCode: statusForKind[error.kind], message: error.message } };
      }
      throw error;
    }
  }

  @SubscribeMessage(clientEvents.leaveAsset)
  async leaveAsset(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: boolean }> {
    const parsed = joinAssetSchema.pick({ assetId: true }).safeParse(body);
    if (!parsed.success) return { ok: false };
    await socket.leave(assetRoom(parsed.data.assetId));
    return { ok: true };
  }
}
