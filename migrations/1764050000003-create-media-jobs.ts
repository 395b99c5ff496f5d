import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The media job queue. Workers lease a job and renew the lease while they work; a job whose
 * lease lapsed (its worker died) is claimed again by the next free worker.
 */
export class CreateMediaJobs1764050000003 implements MigrationInterface {
  name = 'CreateMediaJobs1764050000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 5,
        run_after timestamptz NOT NULL DEFAULT now(),
        lease_owner text,
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX media_jobs_one_open_per_version ON media_jobs (version_id) WHERE status IN ('queued', 'running')`,
    );
    await q.query(
      `CREATE INDEX media_jobs_claimable_idx ON media_jobs (run_after) WHERE status IN ('queued', 'running')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE media_jobs`);
  }
}
