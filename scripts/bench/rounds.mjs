// npm run bench:rounds — the rounds board of a project of 500 cuts (two rounds each, notes carried
// over and new, internal ones among them, decisions by named approvers, due dates), read through
// the real api as a member's browser does; in the same run, a plain SELECT of the same rows (each
// cut with its newest ready version) over one open connection. Prints p50/p95 of each and the
// ratio. Goal: the board's p95 ≤ 100 ms.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { api, benchDatabase, percentile, requireBuild, startApi } from './harness.mjs';

requireBuild();
const CUTS = Number(process.env.BENCH_ROUNDS_CUTS ?? 500);
const RUNS = Number(process.env.BENCH_ROUNDS_RUNS ?? 100);

const log = (message) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
const db = await benchDatabase();
try {
  const server = await startApi({ DATABASE_URL: db.url, DATA_DIR: path.join(db.scratch, 'data') });
  try {
    const register = (name) =>
      api(server.baseUrl, null, 'POST', '/api/auth/register', {
        email: `${name.toLowerCase()}-${Date.now()}@example.com`,
        password: 'bench password 1',
        displayName: name,
      });
    const editor = await register('Editor');
    const reviewers = [await register('Rita'), await register('Ravi')];
    const project = await api(server.baseUrl, editor.token, 'POST', '/api/projects', { name: 'Bench' });
    for (const reviewer of reviewers) {
      await api(server.baseUrl, editor.token, 'POST', `/api/projects/${project.id}/members`, {
        email: reviewer.user.email,
        role: 'reviewer',
      });
    }
    await api(server.baseUrl, editor.token, 'PUT', `/api/projects/${project.id}/approvers`, {
      userIds: reviewers.map((r) => r.user.id),
    });

    log(`seeding ${CUTS} cuts`);
    // Written as the api would leave them, in bulk: uploading 1,000 versions is not what is measured.
    await db.query(
      `WITH cut AS (
         INSERT INTO assets (project_id, name, created_by, last_seq)
         SELECT $1, 'Cut ' || n, $2, 1 FROM generate_series(1, $3) n RETURNING id)
       INSERT INTO versions (asset_id, number, status, original_filename, uploaded_by, ready_at, created_at)
       SELECT id, number, 'ready', 'cut.mov', $2, now() - (3 - number) * interval '1 day', now() - (3 - number) * interval '1 day'
       FROM cut, generate_series(1, 2) number`,
      [project.id, editor.user.id, CUTS],
    );
    await db.query(
      `INSERT INTO comments (version_id, asset_id, author_id, body, frame, internal, resolved_at)
       SELECT v.id, v.asset_id, $1, 'Note ' || k, k * 10, k = 3, CASE WHEN k = 4 THEN now() END
       FROM versions v, generate_series(1, 4) k`,
      [reviewers[0].user.id],
    );
    await db.query(
      `INSERT INTO addressed_comments (comment_id, version_id, addressed_by)
       SELECT c.id, v2.id, $1 FROM comments c
       JOIN versions v1 ON v1.id = c.version_id AND v1.number = 1
       JOIN versions v2 ON v2.asset_id = v1.asset_id AND v2.number = 2
       WHERE c.body = 'Note 1'`,
      [editor.user.id],
    );
    await db.query(
      `INSERT INTO decisions (version_id, asset_id, user_id, decision)
       SELECT v.id, v.asset_id, $1, CASE WHEN random() < 0.3 THEN 'changes_requested' ELSE 'approved' END
       FROM versions v WHERE v.number = 2 AND random() < 0.6`,
      [reviewers[0].user.id],
    );
    // The second approver agrees on most rounds the first approved: those are approved.
    await db.query(
      `INSERT INTO decisions (version_id, asset_id, user_id, decision)
       SELECT version_id, asset_id, $1, 'approved' FROM decisions
       WHERE user_id = $2 AND decision = 'approved' AND random() < 0.7`,
      [reviewers[1].user.id, reviewers[0].user.id],
    );
    await db.query(
      `INSERT INTO round_due_dates (version_id, asset_id, due_at, set_by)
       SELECT v.id, v.asset_id, now() + (random() * 10 - 3) * interval '1 day', $1
       FROM versions v WHERE v.number = 2 AND random() < 0.5`,
      [editor.user.id],
    );
    await db.query(
      `INSERT INTO events (asset_id, seq, type, actor_id, payload)
       SELECT id, 1, 'asset.created', $1, jsonb_build_object('name', name) FROM assets WHERE project_id = $2`,
      [editor.user.id, project.id],
    );
    await db.query('ANALYZE');

    const time = async (run) => {
      for (let i = 0; i < 5; i++) await run(); // warm up
      const samples = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b);
    };

    const board = await api(server.baseUrl, editor.token, 'GET', `/api/projects/${project.id}/rounds`);
    if (board.rows.length !== CUTS) throw new Error(`board has ${board.rows.length} rows, not ${CUTS}`);
    log(`board: ${board.rows.length} rows, header ${JSON.stringify(board.header)}`);
    const boardTimes = await time(() =>
      api(server.baseUrl, editor.token, 'GET', `/api/projects/${project.id}/rounds`),
    );

    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const plainTimes = await time(async () => {
      const { rows } = await client.query(
        `SELECT a.id, a.name, v.id AS version_id, v.number, v.ready_at
         FROM assets a JOIN LATERAL (
           SELECT id, number, ready_at FROM versions WHERE asset_id = a.id AND status = 'ready'
           ORDER BY number DESC LIMIT 1) v ON true
         WHERE a.project_id = $1 AND a.deleted_at IS NULL`,
        [project.id],
      );
      if (rows.length !== CUTS) throw new Error('plain select lost rows');
    });
    await client.end();

    const fmt = (ms) => `${ms.toFixed(1)} ms`;
    const p = (samples, q) => percentile(samples, q);
    console.log(`rounds board, ${CUTS} cuts, ${RUNS} reads each`);
    console.log(
      `  GET /api/projects/:id/rounds  p50 ${fmt(p(boardTimes, 50))}  p95 ${fmt(p(boardTimes, 95))}`,
    );
    console.log(
      `  plain SELECT of the cuts      p50 ${fmt(p(plainTimes, 50))}  p95 ${fmt(p(plainTimes, 95))}`,
    );
    console.log(`  ratio (board / plain) p95: ${(p(boardTimes, 95) / p(plainTimes, 95)).toFixed(1)}x`);
    console.log(`  goal p95 ≤ 100 ms: ${p(boardTimes, 95) <= 100 ? 'met' : 'NOT met'}`);
  } finally {
    await server.stop();
  }
} finally {
  await db.close();
}
