import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CopyableReviewLinks1764050000031 implements MigrationInterface {
  name = 'CopyableReviewLinks1764050000031';

  async up(q: QueryRunner): Promise<void> {
    // A new link's token is derived from its id and the installation's secret (DATA_DIR/secrets), so its address can be
    // shown again; older links' tokens were random and only their hash is kept.
    await q.query(`ALTER TABLE review_links ADD COLUMN token_derived boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_links DROP COLUMN token_derived`);
  }
}
