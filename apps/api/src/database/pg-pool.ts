import pg from 'pg';
import type { Logger } from '../common/logging/logger.js';

/** Connection settings every Cutroom connection shares: fail fast, notice dead peers. */
export const connectionDefaults = {
  // A database that does not answer makes a request fail in 10 s instead of hanging.
  connectionTimeoutMillis: 10_000,
  keepAlive: true,
} as const;

/**
 * A pg pool that outlives its database going away. Idle and lent clients alike have an error
 * handler (pg emits 'error' on a client nobody listens to as an uncaught exception), and a lent
 * client whose connection ends — a LISTEN connection is lent for good — is handed back broken,
 * so the pool replaces it instead of counting it as busy for ever.
 */
export function createPgPool(config: pg.PoolConfig, name: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ ...connectionDefaults, ...config, application_name: name });
  const lent = new Set<pg.PoolClient>();
  const reported = new WeakSet<pg.PoolClient>();
  pool.on('error', (error) =>
    logger.warn({ pool: name, ...connectionError(error) }, 'lost an idle database connection'),
  );
  pool.on('acquire', (client) => lent.add(client));
  pool.on('release', (_error, client) => lent.delete(client));
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      // pg reports one break twice (the server's error, then the closed socket): log it once.
      if (!lent.has(client) || reported.has(client)) return;
      reported.add(client);
      logger.warn({ pool: name, ...connectionError(error) }, 'lost a database connection in use');
    });
    client.on('end', () => {
      // After the borrower's own error callbacks, which usually release it themselves.
      setImmediate(() => {
        if (!lent.delete(client)) return;
        try {
          client.release(new Error('the database connection ended'));
        } catch {
          // released by its borrower meanwhile
        }
      });
    });
  });
  return pool;
}

/** A lost connection's log fields: the reason, never the client object pg attaches to it. */
export function connectionError(error: unknown): { code?: string; reason: string } {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    reason: typeof message === 'string' ? message : String(error),
  };
}
