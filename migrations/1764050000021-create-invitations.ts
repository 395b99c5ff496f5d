import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations of addresses with no account yet. The token is derived from a server secret and
 * the invitation's id; only its hash is kept, to find the invitation it opens.
 */
export class CreateInvitations1764050000021 implements MigrationInterface {
  name = 'CreateInvitations1764050000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (length(email) <= 254),
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'reviewer', 'viewer')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz
      )`);
    // One open invitation per address and project: inviting again replaces it.
    await q.query(`
      CREATE UNIQUE INDEX invitations_open_key ON invitations (project_id, email)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitations`);
  }
}
