import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundRemindersSentOnly1764050000090 implements MigrationInterface {
  name = 'RoundRemindersSentOnly1764050000090';

  async up(q: QueryRunner): Promise<void> {
    // A round found waiting on nobody is looked at again only once its cut changes (a new event).
    await q.query(`ALTER TABLE round_due_dates ADD COLUMN quiet_seq bigint`);
    // Stamps are for reminders sent: lift the ones stamped when nothing went.
    await q.query(`
      UPDATE round_due_dates d SET
        reminded_before_at = CASE WHEN EXISTS (
          SELECT 1 FROM events e WHERE e.asset_id = d.asset_id AND e.type = 'round.reminder'
            AND e.payload->>'versionId' = d.version_id::text AND e.payload->>'stage' = 'before'
            AND (e.payload->>'dueAt')::timestamptz = d.due_at) THEN d.reminded_before_at END,
        reminded_due_at = CASE WHEN EXISTS (
          SELECT 1 FROM events e WHERE e.asset_id = d.asset_id AND e.type = 'round.reminder'
            AND e.payload->>'versionId' = d.version_id::text AND e.payload->>'stage' = 'due'
            AND (e.payload->>'dueAt')::timestamptz = d.due_at) THEN d.reminded_due_at END
      WHERE d.reminded_before_at IS NOT NULL OR d.reminded_due_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE round_due_dates DROP COLUMN quiet_seq`);
  }
}
