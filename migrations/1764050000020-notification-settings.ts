import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each member's choice of what a project tells them (a missing row is "everything"), and a new
 * kind of item: a note on a cut someone uploaded or commented on.
 */
export class NotificationSettings1764050000020 implements MigrationInterface {
  name = 'NotificationSettings1764050000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_settings (
        project_id uuid NOT NULL,
        user_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('all', 'mentions', 'none')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id),
        -- leaving the project forgets the choice
        FOREIGN KEY (project_id, user_id) REFERENCES project_members (project_id, user_id) ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'reply', 'comment', 'decision', 'version'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'comment'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'reply', 'decision', 'version'))`);
    await q.query(`DROP TABLE notification_settings`);
  }
}
