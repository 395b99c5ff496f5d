import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type AssetEvent, serverEvents, versionProgressSchema } from '@cutroom/contracts';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import { LoggerToken } from '../config/config.provider.js';
import { EVENTS_CHANNEL, type EventNotice, PROGRESS_CHANNEL, eventsAfter } from './event-log.js';
import { type AccessLostNotice, ACCESS_CHANNEL } from './access-lost.js';
import { RealtimeGateway, assetRoom, projectRoom, userRoom } from './realtime.gateway.js';

const PROJECT_CACHE_LIMIT = 10_000;

/**
 * Hears committed events and progress through Postgres LISTEN, from this node, other api nodes
 * and workers alike, and hands each to the sockets connected to this node.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private client: Client | undefined;
  private stopped = false;
  private retryDelayMs = 250;
  /** asset → project; an asset never changes project. */
  private readonly projectOf = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: RealtimeGateway,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const { url } = this.dataSource.options as { url: string };
    const client = new Client({ connectionString: url, application_name: 'cutroom-relay' });
    client.on('notification', (message) => void this.deliver(message.channel, message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'event relay lost its database connection; reconnecting');
      void this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
    await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    this.client = client;
    this.retryDelayMs = 250;
  }

  private async reconnect(broken: Client): Promise<void> {
    if (this.stopped || this.client !== broken) return;
    this.client = undefined;
    await broken.end().catch(() => undefined);
    while (!this.stopped && !this.client) {
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, 5000);
      try {
        await this.listen();
      } catch (error) {
        this.logger.warn({ err: error }, 'event relay could not reconnect yet');
      }
    }
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
      this.gateway.server.local.to(rooms).emit(serverEvents.assetEvent, event);
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
