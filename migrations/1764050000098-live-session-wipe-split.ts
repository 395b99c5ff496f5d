import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A live session in the compare view's wipe shares where the host divides the picture, as a share of
 * its width from the left: followers and late joiners see the same split as the host.
 */
export class LiveSessionWipeSplit1764050000098 implements MigrationInterface {
  name = 'LiveSessionWipeSplit1764050000098';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE live_sessions
        ADD COLUMN compare_split double precision NOT NULL DEFAULT 0.5
          CONSTRAINT live_sessions_compare_split_check CHECK (compare_split BETWEEN 0 AND 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE live_sessions DROP COLUMN compare_split`);
  }
}
