import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundReminders1764050000071 implements MigrationInterface {
  name = 'RoundReminders1764050000071';

  async up(q: QueryRunner): Promise<void> {
    // Each reminder goes once per due date: stamped when sent, cleared when the date moves.
    await q.query(`
      ALTER TABLE round_due_dates
        ADD COLUMN reminded_before_at timestamptz,
        ADD COLUMN reminded_due_at timestamptz`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'reply', 'comment', 'decision', 'version', 'reminder'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'reminder'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'reply', 'comment', 'decision', 'version'))`);
    await q.query(`ALTER TABLE round_due_dates DROP COLUMN reminded_before_at, DROP COLUMN reminded_due_at`);
  }
}
