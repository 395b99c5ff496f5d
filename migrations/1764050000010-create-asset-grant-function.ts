import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssetGrantFunction1764050000010 implements MigrationInterface {
  name = 'CreateAssetGrantFunction1764050000010';

  async up(q: QueryRunner): Promise<void> {
    // One person's grant on one asset: every request's access check. The same rows as the
    // asset_grants view, but PL/pgSQL keeps the plan per connection, where querying the view
    // directly re-plans its union on every call (~0.5 ms, most of a comment's cost).
    await q.query(`
      CREATE FUNCTION asset_grant(p_user_id uuid, p_asset_id uuid)
      RETURNS TABLE (project_id uuid, role text, permissions text[])
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN QUERY
          SELECT g.project_id, g.role::text, g.permissions FROM asset_grants g
          WHERE g.asset_id = p_asset_id AND g.user_id = p_user_id;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION asset_grant(uuid, uuid)`);
  }
}
