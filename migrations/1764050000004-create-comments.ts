import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComments1764050000004 implements MigrationInterface {
  name = 'CreateComments1764050000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        parent_id uuid REFERENCES comments (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        client_id text,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        frame integer CHECK (frame >= 0),
        frame_end integer CHECK (frame_end >= frame),
        internal boolean NOT NULL DEFAULT false,
        annotation jsonb,
        mentions uuid[] NOT NULL DEFAULT '{}',
        hashtags text[] NOT NULL DEFAULT '{}',
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX comments_version_idx ON comments (version_id, frame NULLS FIRST, created_at)`,
    );
    await q.query(`CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`CREATE INDEX comments_hashtags_idx ON comments USING gin (hashtags)`);
    await q.query(
      `CREATE UNIQUE INDEX comments_client_id_key ON comments (author_id, client_id) WHERE client_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE comment_reactions (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        emoji text NOT NULL CHECK (length(emoji) BETWEEN 1 AND 16),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (comment_id, user_id, emoji)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE comment_reactions`);
    await q.query(`DROP TABLE comments`);
  }
}
