import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundRemindersPerDueMoment1764050000092 implements MigrationInterface {
  name = 'RoundRemindersPerDueMoment1764050000092';

  async up(q: QueryRunner): Promise<void> {
    // Each reminder sent, by round and due moment: kept when the date is cleared or moved, so the
    // same moment set again is never reminded twice.
    await q.query(`
      CREATE TABLE round_reminders_sent (
        version_id uuid NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        due_at timestamptz NOT NULL,
        stage text NOT NULL CHECK (stage IN ('before', 'due')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, due_at, stage)
      )`);
    // What went is on record as round.reminder events.
    await q.query(`
      INSERT INTO round_reminders_sent (version_id, due_at, stage, sent_at)
      SELECT DISTINCT ON (v.id, (e.payload->>'dueAt')::timestamptz, e.payload->>'stage')
             v.id, (e.payload->>'dueAt')::timestamptz, e.payload->>'stage', e.created_at
      FROM events e JOIN versions v ON v.id = (e.payload->>'versionId')::uuid
      WHERE e.type = 'round.reminder'
      ORDER BY v.id, (e.payload->>'dueAt')::timestamptz, e.payload->>'stage', e.created_at`);
    await q.query(`ALTER TABLE round_due_dates DROP COLUMN reminded_before_at, DROP COLUMN reminded_due_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE round_due_dates
        ADD COLUMN reminded_before_at timestamptz,
        ADD COLUMN reminded_due_at timestamptz`);
    await q.query(`
      UPDATE round_due_dates d SET
        reminded_before_at = (SELECT s.sent_at FROM round_reminders_sent s
          WHERE s.version_id = d.version_id AND s.due_at = d.due_at AND s.stage = 'before'),
        reminded_due_at = (SELECT s.sent_at FROM round_reminders_sent s
          WHERE s.version_id = d.version_id AND s.due_at = d.due_at AND s.stage = 'due')`);
    await q.query(`DROP TABLE round_reminders_sent`);
  }
}
