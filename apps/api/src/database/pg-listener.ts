import { Client } from 'pg';
import type { Logger } from '../common/logging/logger.js';

export interface PgListenerOptions {
  url: string;
  channels: readonly string[];
  /** Names the connection in pg_stat_activity and the logs. */
  name: string;
  logger: Logger;
  onNotification(channel: string, payload: string): void;
  /** Called each time LISTEN is (re-)established: anything sent while deaf must be caught up. */
  onListening?(): void;
}

/**
 * A dedicated connection that LISTENs on some channels and, when the connection breaks,
 * reconnects with backoff (250 ms doubling to 5 s) until stopped.
 */
export class PgListener {
  private client: Client | undefined;
  private stopped = false;
  private retryDelayMs = 250;

  constructor(private readonly options: PgListenerOptions) {}

  async start(): Promise<void> {
    const { url, name, channels, logger } = this.options;
    const client = new Client({ connectionString: url, application_name: name });
    client.on('notification', (message) =>
      this.options.onNotification(message.channel, message.payload ?? ''),
    );
    client.on('error', (error) => {
      logger.warn({ err: error, listener: name }, 'lost the LISTEN connection; reconnecting');
      void this.reconnect(client);
    });
    await client.connect();
    for (const channel of channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    this.client = client;
    this.retryDelayMs = 250;
    this.options.onListening?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async reconnect(broken: Client): Promise<void> {
    if (this.stopped || this.client !== broken) return;
    this.client = undefined;
    await broken.end().catch(() => undefined);
    while (!this.stopped && !this.client) {
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, 5000);
      try {
        await this.start();
      } catch (error) {
        this.options.logger.warn({ err: error, listener: this.options.name }, 'could not LISTEN again yet');
      }
    }
  }
}
