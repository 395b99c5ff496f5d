import { Client } from 'pg';
import type { Logger } from '../common/logging/logger.js';
import { connectionDefaults, connectionError } from './pg-pool.js';

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
 * A dedicated connection that LISTENs on some channels and, when the connection breaks (the
 * database restarted, the backend was terminated, the network dropped), reconnects with backoff
 * (250 ms doubling to 2 s) until stopped.
 */
export class PgListener {
  private client: Client | undefined;
  private stopped = false;
  private reconnecting = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** Listens now; rejects if the database cannot be reached at all. */
  async start(): Promise<void> {
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const { url, name, channels, logger } = this.options;
    const client = new Client({ ...connectionDefaults, connectionString: url, application_name: name });
    client.on('notification', (message) =>
      this.options.onNotification(message.channel, message.payload ?? ''),
    );
    // Both fire when a connection breaks; 'end' alone when the server closes it quietly.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    try {
      await client.connect();
      for (const channel of channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    logger.debug({ listener: name }, 'listening');
    this.options.onListening?.();
  }

  private lost(client: Client, error: Error | undefined): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    this.options.logger.warn(
      { listener: this.options.name, ...connectionError(error ?? 'the connection closed') },
      'lost the LISTEN connection; reconnecting',
    );
    void client.end().catch(() => undefined);
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    let delayMs = 250;
    try {
      while (!this.stopped && !this.client) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 2000);
        if (this.stopped) return;
        try {
          await this.listen();
          this.options.logger.info({ listener: this.options.name }, 'listening again');
        } catch (error) {
          this.options.logger.debug(
            { listener: this.options.name, ...connectionError(error) },
            'could not LISTEN again yet',
          );
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }
}
