import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type AssetEvent, serverEvents, versionProgressSchema } from '@cutroom/contracts';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Logger } from '../common/logging/logger.js';
import { LoggerToken } from '../config/config.provider.js';
import { EVENTS_CHANNEL, type EventNotice, PROGRESS_CHANNEL, eventsAfter } from './event-log.js';
import { RealtimeGateway, assetRoom } from './realtime.gateway.js';

/**
 * Hears committed events and progress through Postgres LISTEN, from this node, other api nodes
 * and workers alike, and hands each to the sockets connected to this node.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private client: Client | undefined;
  private stopped = false;
  private retryDelayMs = 250;

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
      if (event) this.gateway.server.local.to(assetRoom(event.assetId)).emit(serverEvents.assetEvent, event);
    } catch (error) {
      this.logger.error({ err: error, channel }, 'could not relay a notification');
    }
  }
}
