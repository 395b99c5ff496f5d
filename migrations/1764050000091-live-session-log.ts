import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A live session's short log while it runs (who started, joined, left, became host; past the first
 * 200 entries only counted), written to the cut's activity when it ends; and the feed's item for
 * those who work on the cut and were not in it.
 */
export class LiveSessionLog1764050000091 implements MigrationInterface {
  name = 'LiveSessionLog1764050000091';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE live_session_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id uuid NOT NULL REFERENCES live_sessions (asset_id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        what text NOT NULL CHECK (what IN ('started', 'joined', 'left', 'host')),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX live_session_log_asset ON live_session_log (asset_id, id)`);
    await q.query(`CREATE INDEX live_session_log_user ON live_session_log (user_id)`);
    await q.query(
      `ALTER TABLE live_sessions ADD COLUMN log_left_out integer NOT NULL DEFAULT 0 CHECK (log_left_out >= 0)`,
    );
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'reply', 'comment', 'decision', 'version', 'reminder', 'session'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'session'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'reply', 'comment', 'decision', 'version', 'reminder'))`);
    await q.query(`ALTER TABLE live_sessions DROP COLUMN log_left_out`);
    await q.query(`DROP TABLE live_session_log`);
  }
}
