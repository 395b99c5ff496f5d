import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommentsByAsset1764050000093 implements MigrationInterface {
  name = 'CommentsByAsset1764050000093';

  async up(q: QueryRunner): Promise<void> {
    // The rounds board reads each cut's newest note across its versions.
    await q.query(`CREATE INDEX comments_asset_idx ON comments (asset_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX comments_asset_idx`);
  }
}
