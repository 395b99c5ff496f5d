import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1764050000007 implements MigrationInterface {
  name = 'CreateNotifications1764050000007';

  async up(q: QueryRunner): Promise<void> {
    // One row per person told about one event; the id orders the feed and is its cursor.
    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        project_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('mention', 'reply', 'decision', 'version')),
        -- no foreign key: a guest acts too, and a gone account keeps its name here
        actor_id uuid,
        actor_name text CHECK (length(actor_name) <= 200),
        version_id uuid REFERENCES versions (id) ON DELETE CASCADE,
        -- a deleted comment takes its items with it
        comment_id uuid REFERENCES comments (id) ON DELETE CASCADE,
        decision text CHECK (decision IN ('approved', 'changes_requested')),
        excerpt text CHECK (length(excerpt) <= 300),
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (user_id, asset_id, seq)
      )`);
    await q.query(`CREATE INDEX notifications_feed_idx ON notifications (user_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_asset_idx ON notifications (asset_id)`);
    await q.query(`CREATE INDEX notifications_version_idx ON notifications (version_id)`);
    await q.query(`CREATE INDEX notifications_comment_idx ON notifications (comment_id)`);
    // How far each asset's events have been turned into notifications.
    await q.query(`
      CREATE TABLE activity_cursors (
        asset_id uuid PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0
      )`);
    // What happened before activity existed is history, not news: nobody's count jumps on upgrade.
    await q.query(`INSERT INTO activity_cursors (asset_id, seq) SELECT id, last_seq FROM assets`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activity_cursors`);
    await q.query(`DROP TABLE notifications`);
  }
}
