import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDecisions1764050000006 implements MigrationInterface {
  name = 'CreateDecisions1764050000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        decision text NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        -- clock time, taken under the asset's row lock, so "newest" follows the order of commits
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX decisions_version_idx ON decisions (version_id, user_id, created_at DESC)`);
    await q.query(`CREATE INDEX decisions_asset_idx ON decisions (asset_id)`);
    // The history is append-only: a decision is never edited, and goes only with its version
    // (or loses its author with the author's account).
    await q.query(`
      CREATE FUNCTION decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL
           AND (NEW.id, NEW.version_id, NEW.asset_id, NEW.decision, NEW.note, NEW.created_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.version_id, OLD.asset_id, OLD.decision, OLD.note, OLD.created_at)
        THEN
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM versions WHERE id = OLD.version_id)
        THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM assets WHERE id = OLD.asset_id)
        THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'decisions are append-only: record a new decision instead'
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
      FOR EACH ROW EXECUTE FUNCTION decisions_append_only()`);
    // Required approvers: a project's default list (asset_id NULL) and assets' own lists.
    await q.query(`
      CREATE TABLE approver_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        asset_id uuid UNIQUE REFERENCES assets (id) ON DELETE CASCADE,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX approver_lists_project_default_key ON approver_lists (project_id) WHERE asset_id IS NULL`,
    );
    // Leaving the project takes a person off every list of it.
    await q.query(`
      CREATE TABLE approver_list_members (
        list_id uuid NOT NULL REFERENCES approver_lists (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        user_id uuid NOT NULL,
        PRIMARY KEY (list_id, user_id),
        FOREIGN KEY (project_id, user_id) REFERENCES project_members (project_id, user_id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX approver_list_members_member_idx ON approver_list_members (project_id, user_id)`,
    );
    // "Addressed in vN+1": a link from a note of vN to the version that addresses it, not a copy.
    await q.query(`
      CREATE TABLE addressed_comments (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        addressed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        addressed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (comment_id, version_id)
      )`);
    await q.query(`CREATE INDEX addressed_comments_version_idx ON addressed_comments (version_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE addressed_comments`);
    await q.query(`DROP TABLE approver_list_members`);
    await q.query(`DROP TABLE approver_lists`);
    await q.query(`DROP TABLE decisions`);
    await q.query(`DROP FUNCTION decisions_append_only()`);
  }
}
