import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotificationEmailedAt1764050000008 implements MigrationInterface {
  name = 'AddNotificationEmailedAt1764050000008';

  async up(q: QueryRunner): Promise<void> {
    // When a node took the item for e-mail (sent, or passed over); claimed once across nodes.
    await q.query(`ALTER TABLE notifications ADD COLUMN emailed_at timestamptz`);
    // What was told before e-mail existed is history: turning mail on never sends it.
    await q.query(`UPDATE notifications SET emailed_at = created_at`);
    await q.query(
      `CREATE INDEX notifications_unmailed_idx ON notifications (user_id, id) WHERE emailed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_unmailed_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN emailed_at`);
  }
}
