import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssetsAndVersions1764050000002 implements MigrationInterface {
  name = 'CreateAssetsAndVersions1764050000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name text NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        -- the newest event's seq: bumped under the row lock, so seqs are strictly increasing per asset
        last_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX assets_project_id_idx ON assets (project_id, updated_at DESC)`);
    await q.query(`
      CREATE TABLE versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        status text NOT NULL CHECK (status IN ('uploading', 'queued', 'processing', 'ready', 'failed')),
        failure_reason text,
        stage text,
        progress real NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        playable boolean NOT NULL DEFAULT false,
        upload_id text,
        original_filename text NOT NULL,
        size_bytes bigint NOT NULL DEFAULT 0,
        sha256 text,
        uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz,
        media jsonb,
        probe jsonb,
        renditions jsonb NOT NULL DEFAULT '[]',
        UNIQUE (asset_id, number)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX versions_upload_id_key ON versions (upload_id) WHERE upload_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE events (
        asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        actor_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (asset_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE events`);
    await q.query(`DROP TABLE versions`);
    await q.query(`DROP TABLE assets`);
  }
}
