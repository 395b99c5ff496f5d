import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A live session's host may have the compare view open: B's version beside the transport's (A),
 * its layout, how B lines up (by the frame map when `compare_offset` is null, else by frame number
 * plus the offset) and whether A and B are flipped. B's version going takes the compare view with it.
 * The session's log also tells who the host handed the pen to (`annotator`) or took it from (`viewer`).
 */
export class LiveSessionCompare1764050000094 implements MigrationInterface {
  name = 'LiveSessionCompare1764050000094';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE live_sessions
        ADD COLUMN compare_version_id uuid REFERENCES versions (id) ON DELETE SET NULL,
        ADD COLUMN compare_layout text CHECK (compare_layout IN ('side', 'wipe', 'overlay', 'difference')),
        ADD COLUMN compare_offset integer,
        ADD COLUMN compare_swapped boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX live_sessions_compare_version ON live_sessions (compare_version_id)`);
    await q.query(`ALTER TABLE live_session_log DROP CONSTRAINT live_session_log_what_check`);
    await q.query(`
      ALTER TABLE live_session_log ADD CONSTRAINT live_session_log_what_check
        CHECK (what IN ('started', 'joined', 'left', 'host', 'annotator', 'viewer'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM live_session_log WHERE what IN ('annotator', 'viewer')`);
    await q.query(`ALTER TABLE live_session_log DROP CONSTRAINT live_session_log_what_check`);
    await q.query(`
      ALTER TABLE live_session_log ADD CONSTRAINT live_session_log_what_check
        CHECK (what IN ('started', 'joined', 'left', 'host'))`);
    await q.query(`
      ALTER TABLE live_sessions
        DROP COLUMN compare_version_id,
        DROP COLUMN compare_layout,
        DROP COLUMN compare_offset,
        DROP COLUMN compare_swapped`);
  }
}
