import type { MigrationInterface, QueryRunner } from 'typeorm';

const memberBranch = `
  SELECT m.user_id, a.id AS asset_id, a.project_id, m.role, NULL::text[] AS permissions
    FROM assets a JOIN project_members m ON m.project_id = a.project_id`;

const guestBranch = (readyOnly: boolean) => `
  SELECT u.id, a.id, a.project_id, 'guest', l.permissions
    FROM users u
    JOIN review_links l ON l.id = u.guest_link_id
    JOIN assets a ON a.project_id = l.project_id
   WHERE l.revoked_at IS NULL
     AND (l.expires_at IS NULL OR l.expires_at > now())
     AND (l.all_assets OR EXISTS (
           SELECT 1 FROM review_link_assets la WHERE la.link_id = l.id AND la.asset_id = a.id))
     ${readyOnly ? `AND EXISTS (SELECT 1 FROM versions v WHERE v.asset_id = a.id AND v.status = 'ready')` : ''}`;

/** A review-link guest is granted a cut only once it has a ready version: never a failed or processing one. */
export class GuestsSeeReadyCuts1764050000030 implements MigrationInterface {
  name = 'GuestsSeeReadyCuts1764050000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE VIEW asset_grants AS ${memberBranch} UNION ALL ${guestBranch(true)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE VIEW asset_grants AS ${memberBranch} UNION ALL ${guestBranch(false)}`);
  }
}
