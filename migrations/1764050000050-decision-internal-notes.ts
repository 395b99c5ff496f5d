import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionInternalNotes1764050000050 implements MigrationInterface {
  name = 'DecisionInternalNotes1764050000050';

  async up(q: QueryRunner): Promise<void> {
    // The team's own note on a decision, beside the public one: never shown to a review-link guest.
    await q.query(`ALTER TABLE decisions ADD COLUMN internal_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decisions DROP COLUMN internal_note`);
  }
}
