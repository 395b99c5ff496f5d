import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewLinks1764050000009 implements MigrationInterface {
  name = 'CreateReviewLinks1764050000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        -- sha256 of the token: a stolen database does not open any link
        token_hash text NOT NULL,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        all_assets boolean NOT NULL,
        permissions text[] NOT NULL
          CHECK (permissions <@ ARRAY['view', 'comment', 'approve', 'download'] AND 'view' = ANY (permissions)),
        password_hash text,
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX review_links_token_hash_key ON review_links (token_hash)`);
    await q.query(`CREATE INDEX review_links_project_idx ON review_links (project_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE review_link_assets (
        link_id uuid NOT NULL REFERENCES review_links (id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        PRIMARY KEY (link_id, asset_id)
      )`);
    // A guest is a user without an address or password, bound to the link they came by; their
    // sessions, comments and decisions work like anyone's, and end with the link.
    await q.query(`
      ALTER TABLE users
        ALTER COLUMN email DROP NOT NULL,
        ALTER COLUMN password_hash DROP NOT NULL,
        ADD COLUMN guest_link_id uuid REFERENCES review_links (id) ON DELETE CASCADE,
        ADD COLUMN guest_email text CHECK (length(guest_email) <= 254),
        ADD CONSTRAINT users_member_or_guest CHECK (
          CASE WHEN guest_link_id IS NULL
            THEN email IS NOT NULL AND password_hash IS NOT NULL AND guest_email IS NULL
            ELSE email IS NULL AND password_hash IS NULL
          END)`);
    await q.query(
      `CREATE INDEX users_guest_link_idx ON users (guest_link_id) WHERE guest_link_id IS NOT NULL`,
    );
    // Who may see which asset, in what capacity: members through their project role, guests
    // through a live link (not revoked, not expired) that shows the asset. Every access check
    // reads this one view.
    await q.query(`
      CREATE VIEW asset_grants AS
        SELECT m.user_id, a.id AS asset_id, a.project_id, m.role, NULL::text[] AS permissions
          FROM assets a JOIN project_members m ON m.project_id = a.project_id
        UNION ALL
        SELECT u.id, a.id, a.project_id, 'guest', l.permissions
          FROM users u
          JOIN review_links l ON l.id = u.guest_link_id
          JOIN assets a ON a.project_id = l.project_id
         WHERE l.revoked_at IS NULL
           AND (l.expires_at IS NULL OR l.expires_at > now())
           AND (l.all_assets OR EXISTS (
                 SELECT 1 FROM review_link_assets la WHERE la.link_id = l.id AND la.asset_id = a.id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW asset_grants`);
    await q.query(`DELETE FROM users WHERE guest_link_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_member_or_guest,
        DROP COLUMN guest_email,
        DROP COLUMN guest_link_id,
        ALTER COLUMN password_hash SET NOT NULL,
        ALTER COLUMN email SET NOT NULL`);
    await q.query(`DROP TABLE review_link_assets`);
    await q.query(`DROP TABLE review_links`);
  }
}
