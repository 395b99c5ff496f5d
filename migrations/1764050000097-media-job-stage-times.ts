import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaJobStageTimes1764050000097 implements MigrationInterface {
  name = 'MediaJobStageTimes1764050000097';

  async up(q: QueryRunner): Promise<void> {
    // Where a processed version's time went (queue wait, probe, first segment, ladder, extras…), in ms.
    await q.query(`ALTER TABLE media_jobs ADD COLUMN stage_ms jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE media_jobs DROP COLUMN stage_ms`);
  }
}
