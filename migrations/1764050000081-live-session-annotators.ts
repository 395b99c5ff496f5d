import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Roles in a live session: the host marks followers as annotators (their drawings and laser show to all). */
export class LiveSessionAnnotators1764050000081 implements MigrationInterface {
  name = 'LiveSessionAnnotators1764050000081';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE live_session_participants ADD COLUMN annotator boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE live_session_participants DROP COLUMN annotator`);
  }
}
