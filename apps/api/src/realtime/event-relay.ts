import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type AssetEvent, serverEvents, versionProgressSchema } from '@cutroom/contracts';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import { PgListener } from '../database/pg-listener.js';
import { LoggerToken } from '../config/config.provider.js';
import { EVENTS_CHANNEL, type EventNotice, PROGRESS_CHANNEL, eventsAfter } from './event-log.js';
import { type AccessLostNotice, ACCESS_CHANNEL } from './access-lost.js';
import { GUEST_ROOM, isInternalEvent } from './event-visibility.js';
import { RealtimeGateway, assetRoom, projectRoom, userRoom } from './realtime.gateway.js';

const PROJECT_CACHE_LIMIT = 10_000;

/**
 * Hears committed events and progress through Postgres LISTEN, from this node, other api nodes
 * and workers alike, and hands each to the sockets connected to this node.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener: PgListener | undefined;
  /** asset → project; an asset never changes project. */
  private readonly projectOf = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: RealtimeGateway,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new PgListener({
      url: (this.dataSource.options as { url: string }).url,
      channels: [EVENTS_CHANNEL, PROGRESS_CHANNEL, ACCESS_CHANNEL],
      name: 'cutroom-relay',
      logger: this.logger,
      onNotification: (channel, payload) => void this.deliver(channel, payload),
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  private async deliver(channel: string, payload: string): Promise<void> {
    try {
      if (channel === ACCESS_CHANNEL) {
        await this.revoke(JSON.parse(payload) as AccessLostNotice);
        return;
      }
      if (channel === PROGRESS_CHANNEL) {
        const progress = versionProgressSchema.parse(JSON.parse(payload));
        this.gateway.server.local
          .to(assetRoom(progress.assetId))
          .emit(serverEvents.versionProgress, progress);
        return;
      }
      const notice = JSON.parse(payload) as EventNotice;
      const event: AssetEvent | undefined =
        'event' in notice
          ? notice.event
          : (await eventsAfter(this.dataSource.manager, notice.assetId, notice.seq - 1, 1))[0];
      if (!event) return;
      const projectId = await this.projectFor(event);
      const rooms = projectId
        ? [assetRoom(event.assetId), projectRoom(projectId)]
        : [assetRoom(event.assetId)];
      const audience = this.gateway.server.local.to(rooms);
      (isInternalEvent(event) ? audience.except(GUEST_ROOM) : audience).emit(serverEvents.assetEvent, event);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'could not relay a notification');
    }
  }

  /** Takes people who lost access out of the project's room and its assets' rooms on this node. */
  private async revoke(notice: AccessLostNotice): Promise<void> {
    for (const userId of notice.userIds) {
      const sockets = await this.gateway.server.local.in(userRoom(userId)).fetchSockets();
      for (const socket of sockets) {
        for (const room of socket.rooms) {
          if (room === projectRoom(notice.projectId)) socket.leave(room);
          if (!room.startsWith('asset:')) continue;
          const assetId = room.slice('asset:'.length);
          // An asset gone with its project has nothing more to say: leave it too.
          const projectId = await this.projectFor({ assetId, payload: null });
          if (projectId === undefined || projectId === notice.projectId) socket.leave(room);
        }
      }
    }
  }

  private async projectFor(event: Pick<AssetEvent, 'assetId' | 'payload'>): Promise<string | undefined> {
    const given = (event.payload as { projectId?: unknown } | null)?.projectId;
    if (typeof given === 'string') return given;
    const cached = this.projectOf.get(event.assetId);
    if (cached) return cached;
    const rows: { project_id: string }[] = await this.dataSource.query(
      `SELECT project_id FROM assets WHERE id = $1`,
      [event.assetId],
    );
    if (!rows[0]) return undefined;
    if (this.projectOf.size >= PROJECT_CACHE_LIMIT) this.projectOf.clear();
    this.projectOf.set(event.assetId, rows[0].project_id);
    return rows[0].project_id;
  }
}
