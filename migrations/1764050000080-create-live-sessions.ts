import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live review sessions: at most one per asset, its host and shared transport (version, whole
 * frame, playing, rate, loop) stamped with a revision and the server clock of the last change;
 * and who is in it, in joining order (the host role passes down that order).
 */
export class CreateLiveSessions1764050000080 implements MigrationInterface {
  name = 'CreateLiveSessions1764050000080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE live_sessions (
        asset_id uuid PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        host_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        frame integer NOT NULL CHECK (frame >= 0),
        playing boolean NOT NULL,
        rate double precision NOT NULL CHECK (rate >= 0.25 AND rate <= 4),
        loop_in integer CHECK (loop_in >= 0),
        loop_out integer CHECK (loop_out >= 0),
        revision bigint NOT NULL CHECK (revision > 0),
        changed_at timestamptz NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        CHECK (loop_in IS NULL OR loop_out IS NULL OR loop_in <= loop_out)
      )`);
    await q.query(`
      CREATE TABLE live_session_participants (
        asset_id uuid NOT NULL REFERENCES live_sessions (asset_id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (asset_id, user_id)
      )`);
    await q.query(`CREATE INDEX live_session_participants_user ON live_session_participants (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE live_session_participants`);
    await q.query(`DROP TABLE live_sessions`);
  }
}
