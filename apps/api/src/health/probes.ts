import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Health } from '@cutroom/contracts';
import { readSchemaState } from '../database/data-source.js';

const PROBE_TIMEOUT_MS = 2000;

/** `work`, or a rejection after the probe's time is up: a hung disk or database fails the probe. */
function bounded<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)),
        PROBE_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

export async function probeDatabase(dataSource: DataSource): Promise<Health['database']> {
  const started = performance.now();
  try {
    await bounded(dataSource.query('SELECT 1'), 'the database');
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { status: 'down' };
  }
}

export interface Check {
  ok: boolean;
  reason?: string;
}

/** Every migration of this build applied, and none this build does not know. */
export async function probeMigrations(dataSource: DataSource): Promise<Check> {
  try {
    const { pending, unknown } = await bounded(readSchemaState(dataSource), 'the database');
    if (pending.length > 0) return { ok: false, reason: `${pending.length} migration(s) not applied yet` };
    if (unknown.length > 0)
      return { ok: false, reason: `the database has ${unknown.length} migration(s) of a newer build` };
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `could not read the applied migrations: ${(error as Error).message}` };
  }
}

/** Each folder takes a small file and gives it back: the media disk is mounted and writable. */
export async function probeStorage(dirs: string[]): Promise<Check> {
  for (const dir of dirs) {
    const file = path.join(dir, `.ready-${randomUUID()}`);
    try {
      await bounded(
        (async () => {
          await fs.writeFile(file, 'ready');
          await fs.rm(file);
        })(),
        dir,
      );
    } catch (error) {
      await fs.rm(file, { force: true }).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, reason: `${dir} is not writable (${code ?? (error as Error).message})` };
    }
  }
  return { ok: true };
}
