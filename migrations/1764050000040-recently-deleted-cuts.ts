import type { MigrationInterface, QueryRunner } from 'typeorm';

const memberBranch = (liveOnly: boolean) => `
  SELECT m.user_id, a.id AS asset_id, a.project_id, m.role, NULL::text[] AS permissions
    FROM assets a JOIN project_members m ON m.project_id = a.project_id
   ${liveOnly ? 'WHERE a.deleted_at IS NULL' : ''}`;

const guestBranch = (liveOnly: boolean) => `
  SELECT u.id, a.id, a.project_id, 'guest', l.permissions
    FROM users u
    JOIN review_links l ON l.id = u.guest_link_id
    JOIN assets a ON a.project_id = l.project_id
   WHERE l.revoked_at IS NULL
     AND (l.expires_at IS NULL OR l.expires_at > now())
     AND (l.all_assets OR EXISTS (
           SELECT 1 FROM review_link_assets la WHERE la.link_id = l.id AND la.asset_id = a.id))
     AND EXISTS (SELECT 1 FROM versions v WHERE v.asset_id = a.id AND v.status = 'ready')
     ${liveOnly ? 'AND a.deleted_at IS NULL' : ''}`;

/**
 * A deleted cut goes to its project's "Recently deleted" (who, when) instead of being erased; no
 * grant reaches it there, so it is gone for everyone until restored or purged.
 */
export class RecentlyDeletedCuts1764050000040 implements MigrationInterface {
  name = 'RecentlyDeletedCuts1764050000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assets
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN deleted_by uuid REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX assets_deleted_at_idx ON assets (deleted_at) WHERE deleted_at IS NOT NULL`);
    await q.query(
      `CREATE OR REPLACE VIEW asset_grants AS ${memberBranch(true)} UNION ALL ${guestBranch(true)}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE OR REPLACE VIEW asset_grants AS ${memberBranch(false)} UNION ALL ${guestBranch(false)}`,
    );
    await q.query(`DROP INDEX assets_deleted_at_idx`);
    await q.query(`ALTER TABLE assets DROP COLUMN deleted_by, DROP COLUMN deleted_at`);
  }
}
