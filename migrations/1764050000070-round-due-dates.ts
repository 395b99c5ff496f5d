import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundDueDates1764050000070 implements MigrationInterface {
  name = 'RoundDueDates1764050000070';

  async up(q: QueryRunner): Promise<void> {
    // A round (a version) may be due by a date: set on the cut, kept with the version it was set on.
    await q.query(`
      CREATE TABLE round_due_dates (
        version_id uuid PRIMARY KEY REFERENCES versions (id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        due_at timestamptz NOT NULL,
        set_by uuid REFERENCES users (id) ON DELETE SET NULL,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX round_due_dates_due_idx ON round_due_dates (due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE round_due_dates`);
  }
}
