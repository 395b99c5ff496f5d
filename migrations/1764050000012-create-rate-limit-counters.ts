import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRateLimitCounters1764050000012 implements MigrationInterface {
  name = 'CreateRateLimitCounters1764050000012';

  async up(q: QueryRunner): Promise<void> {
    // Attempts per budget (a client address, an account) per minute, shared by every api node.
    // Unlogged: a crash forgets at most a minute of counts, and nothing else is lost.
    await q.query(
      `CREATE UNLOGGED TABLE rate_limit_counters (
         key text NOT NULL,
         window_start timestamptz NOT NULL,
         hits integer NOT NULL,
         PRIMARY KEY (key, window_start)
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_counters`);
  }
}
