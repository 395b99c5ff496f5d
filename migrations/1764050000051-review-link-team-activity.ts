import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewLinkTeamActivity1764050000051 implements MigrationInterface {
  name = 'ReviewLinkTeamActivity1764050000051';

  async up(q: QueryRunner): Promise<void> {
    // Guests see the team's presence, revision rounds and decision notes only when their link says so.
    await q.query(`ALTER TABLE review_links ADD COLUMN show_team_activity boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_links DROP COLUMN show_team_activity`);
  }
}
