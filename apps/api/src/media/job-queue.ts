import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows.js';

export const JOBS_CHANNEL = 'cutroom_jobs';

export interface MediaJob {
  id: string;
  versionId: string;
  attempts: number;
  maxAttempts: number;
  /** How long the job waited between being due and being claimed (ms). */
  waitedMs: number;
}

/** Milliseconds each stage of processing a version took, by stage. */
export type StageTimes = Record<string, number>;

interface JobRow {
  id: string;
  version_id: string;
  attempts: number;
  max_attempts: number;
  waited_ms: number;
}

const toJob = (row: JobRow): MediaJob => ({
  id: row.id,
  versionId: row.version_id,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  waitedMs: Math.max(0, Number(row.waited_ms)),
});

/** Seconds to wait before attempt n+1 after a transient failure: 5, 10, 20, … capped at 5 min. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 300);
}

/**
 * A Postgres job queue with leases. Everything is one statement, so any number of workers on
 * any number of machines can share it; `FOR UPDATE SKIP LOCKED` hands each job to one worker.
 */
export const jobQueue = {
  /** Queues processing of a version inside the caller's transaction; workers wake on commit. */
  async enqueue(manager: EntityManager, versionId: string): Promise<void> {
    await manager.query(
      `INSERT INTO media_jobs (version_id, status) VALUES ($1, 'queued')
       ON CONFLICT (version_id) WHERE status IN ('queued', 'running') DO NOTHING`,
      [versionId],
    );
    await manager.query(`SELECT pg_notify($1, $2)`, [JOBS_CHANNEL, versionId]);
  },

  /** Jobs waiting and running, and how long the oldest waiting one has waited (0 when none). */
  async stats(
    manager: EntityManager,
  ): Promise<{ queued: number; running: number; oldestQueuedSeconds: number }> {
    const [row] = await queryRows<{ queued: string; running: string; oldest: number | null }>(
      manager,
      `SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
              count(*) FILTER (WHERE status = 'running') AS running,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'queued'))::float8 AS oldest
       FROM media_jobs WHERE status IN ('queued', 'running')`,
    );
    return { queued: Number(row.queued), running: Number(row.running), oldestQueuedSeconds: row.oldest ?? 0 };
  },

  /** Takes the next due job, or one whose worker stopped renewing its lease. */
  async claim(manager: EntityManager, owner: string, leaseSeconds: number): Promise<MediaJob | undefined> {
    const rows = await queryRows<JobRow>(
      manager,
      `UPDATE media_jobs SET status = 'running', attempts = attempts + 1, lease_owner = $1,
              lease_until = now() + make_interval(secs => $2), updated_at = now()
       WHERE id = (
         SELECT id FROM media_jobs
         WHERE (status = 'queued' AND run_after <= now()) OR (status = 'running' AND lease_until < now())
         ORDER BY run_after, created_at
         FOR UPDATE SKIP LOCKED
         LIMIT 1)
       RETURNING id, version_id, attempts, max_attempts,
                 (extract(epoch FROM clock_timestamp() - greatest(run_after, created_at)) * 1000)::float8 AS waited_ms`,
      [owner, leaseSeconds],
    );
    return rows[0] ? toJob(rows[0]) : undefined;
  },

  /** Renews a lease; false when the job is no longer this worker's (it must stop). */
  async renew(manager: EntityManager, job: MediaJob, owner: string, leaseSeconds: number): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE media_jobs SET lease_until = now() + make_interval(secs => $3), updated_at = now()
       WHERE id = $1 AND lease_owner = $2 AND status = 'running' RETURNING id`,
      [job.id, owner, leaseSeconds],
    );
    return rows.length > 0;
  },

  /** Finishes a job, keeping where its time went (`stageTimes`) for whoever wonders why it took so long. */
  async complete(
    manager: EntityManager,
    job: MediaJob,
    owner: string,
    stageTimes?: StageTimes,
  ): Promise<void> {
    await manager.query(
      `UPDATE media_jobs SET status = 'done', lease_owner = NULL, lease_until = NULL, updated_at = now(),
              stage_ms = $3
       WHERE id = $1 AND lease_owner = $2`,
      [job.id, owner, stageTimes ? JSON.stringify(stageTimes) : null],
    );
  },

  /**
   * Records a failure. A transient one is retried later with backoff while attempts remain;
   * returns true when the job is finished for good (the version should be marked failed).
   */
  async fail(
    manager: EntityManager,
    job: MediaJob,
    owner: string,
    error: string,
    transient: boolean,
  ): Promise<boolean> {
    const retry = transient && job.attempts < job.maxAttempts;
    await manager.query(
      `UPDATE media_jobs SET status = $3, last_error = $4, lease_owner = NULL, lease_until = NULL,
              run_after = now() + make_interval(secs => $5), updated_at = now()
       WHERE id = $1 AND lease_owner = $2`,
      [
        job.id,
        owner,
        retry ? 'queued' : 'failed',
        error.slice(0, 4000),
        retry ? retryDelaySeconds(job.attempts) : 0,
      ],
    );
    return !retry;
  },

  /** Gives a job back at once (the worker is shutting down): the next worker starts it over. */
  async release(manager: EntityManager, job: MediaJob, owner: string): Promise<void> {
    await manager.query(
      `UPDATE media_jobs SET status = 'queued', attempts = greatest(attempts - 1, 0), lease_owner = NULL,
              lease_until = NULL, run_after = now(), updated_at = now()
       WHERE id = $1 AND lease_owner = $2`,
      [job.id, owner],
    );
    await manager.query(`SELECT pg_notify($1, $2)`, [JOBS_CHANNEL, job.versionId]);
  },
};
