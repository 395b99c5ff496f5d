import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { roundsBoardSchema } from '@cutroom/contracts';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { comment, decide, put } from './support/approvals.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { signUpTeam, type Team } from './support/team.js';
import { type StatementCounter, startStatementCounter } from './support/statement-counter.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';
import { tusUpload } from './support/tus.js';

describe('the rounds board', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let team: Team;

  beforeAll(async () => {
    team = await signUpTeam(server.api.baseUrl, 'Spring campaign');
  });

  const boardOf = async (who: SignedIn, projectId = team.projectId) => {
    const reply = await who.caller.get(`/api/projects/${projectId}/rounds`);
    expect(reply.status).toBe(200);
    return roundsBoardSchema.parse(reply.body);
  };
  const rowOf = async (who: SignedIn, assetId: string) => {
    const row = (await boardOf(who)).rows.find((r) => r.assetId === assetId);
    if (!row) throw new Error(`no row for ${assetId}`);
    return row;
  };
  const newCut = async () => {
    const cut = await readyVersion(server.db, team.editor, team.projectId);
    await put(team.editor.caller, `/api/assets/${cut.assetId}/approvers`, {
      userIds: [team.reviewer.user.id, team.owner.user.id],
    });
    return cut;
  };

  it('shows each cut in review with n of m approvals and the names still pending, moving as people decide', async () => {
    const { assetId, versionId } = await newCut();
    expect(await rowOf(team.editor, assetId)).toMatchObject({
      version: { id: versionId, number: 1, round: 1 },
      state: 'in_review',
      rule: 'required',
      approvedCount: 0,
      requiredCount: 2,
      pending: [
        { id: team.owner.user.id, displayName: 'Olive Owner' },
        { id: team.reviewer.user.id, displayName: 'Rita Reviewer' },
      ],
      mine: true,
      waitingOnMe: false,
      approvedAt: null,
    });
    expect((await rowOf(team.reviewer, assetId)).waitingOnMe).toBe(true);

    expect((await decide(team.reviewer, versionId, 'approved')).status).toBe(201);
    expect(await rowOf(team.editor, assetId)).toMatchObject({
      state: 'in_review',
      approvedCount: 1,
      pending: [{ displayName: 'Olive Owner' }],
    });
    expect((await rowOf(team.reviewer, assetId)).waitingOnMe).toBe(false);

    expect((await decide(team.owner, versionId, 'changes_requested')).status).toBe(201);
    expect(await rowOf(team.editor, assetId)).toMatchObject({ state: 'changes_requested', pending: [] });

    expect((await decide(team.owner, versionId, 'approved')).status).toBe(201);
    const approved = await rowOf(team.editor, assetId);
    expect(approved).toMatchObject({ state: 'approved', approvedCount: 2, requiredCount: 2 });
    expect(approved.approvedAt).not.toBeNull();
  });

  it('reads the board of a project whose id is written in capitals', async () => {
    const { assetId } = await newCut();
    const reply = await team.editor.caller.get(`/api/projects/${team.projectId.toUpperCase()}/rounds`);
    expect(reply.status).toBe(200);
    const row = roundsBoardSchema.parse(reply.body).rows.find((r) => r.assetId === assetId);
    expect(row).toMatchObject({ projectId: team.projectId, requiredCount: 2 });
  });

  it('counts the notes left to address: carried over from the last round unless addressed, and new ones', async () => {
    const { assetId, versionId: v1 } = await newCut();
    const sky = await comment(team.reviewer, v1, { body: 'Sky too warm', frame: 10 });
    await comment(team.reviewer, v1, { body: 'Logo too small', frame: 20 });
    await comment(team.editor, v1, { body: 'Check the music licence', frame: 30, internal: true });
    const done = await comment(team.reviewer, v1, { body: 'Typo in the title', frame: 40 });
    expect((await team.editor.caller.post(`/api/comments/${done}/resolve`)).status).toBe(200);
    const { versionId: v2 } = await readyNextVersion(server.db, team.editor, assetId);
    expect((await put(team.editor.caller, `/api/versions/${v2}/carried-over/${sky}/addressed`)).status).toBe(
      200,
    );
    await comment(team.reviewer, v2, { body: 'Cut the last shot shorter', frame: 5 });

    const row = await rowOf(team.editor, assetId);
    expect(row.version).toMatchObject({ id: v2, number: 2, round: 2 });
    // Three open on v1 (one internal), one of them addressed in v2; one new on v2.
    expect(row.notes).toEqual({ carriedOver: 2, new: 1 });
    // A viewer is a member: the team's internal note counts for them too.
    expect((await rowOf(team.viewer, assetId)).notes).toEqual({ carriedOver: 2, new: 1 });
  });

  it('keeps a cut with no ready version off the board, counted as not ready, and names a newer version on its way', async () => {
    const before = (await boardOf(team.editor)).header.notReady;
    await tusUpload(team.editor.caller, randomBytes(500), {
      filename: 'rough.mov',
      projectId: team.projectId,
      assetName: 'Rough cut',
    });
    const board = await boardOf(team.editor);
    expect(board.header.notReady).toBe(before + 1);
    expect(board.rows.some((row) => row.assetName === 'Rough cut')).toBe(false);

    const { assetId, versionId } = await newCut();
    await tusUpload(team.editor.caller, randomBytes(500), { filename: 'v2.mov', assetId });
    expect(await rowOf(team.editor, assetId)).toMatchObject({
      version: { id: versionId, number: 1 },
      // Uploaded and waiting for processing (no media worker runs here).
      newerVersion: { number: 2, status: 'queued' },
    });
  });

  it('carries a due date that owners and editors set; a round past it and not approved is overdue', async () => {
    const { assetId, versionId } = await newCut();
    const past = new Date(Date.now() - 3600_000).toISOString();
    const refused = await put(team.reviewer.caller, `/api/versions/${versionId}/due-date`, { dueAt: past });
    expect(refused.status).toBe(403);
    const bad = await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt: 'tomorrow' });
    expect(bad.status).toBe(400);
    const far = await put(team.editor.caller, `/api/versions/${versionId}/due-date`, {
      dueAt: '2200-01-01T00:00:00Z',
    });
    expect(far.status).toBe(400);

    const set = await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt: past });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ versionId, dueAt: past });
    expect((await team.viewer.caller.get(`/api/versions/${versionId}/due-date`)).body.dueAt).toBe(past);
    expect(await rowOf(team.viewer, assetId)).toMatchObject({ dueAt: past, overdue: true });
    const overdueBefore = (await boardOf(team.editor)).header.overdue;

    await decide(team.reviewer, versionId, 'approved');
    await decide(team.owner, versionId, 'approved');
    expect(await rowOf(team.viewer, assetId)).toMatchObject({ dueAt: past, overdue: false });
    expect((await boardOf(team.editor)).header.overdue).toBe(overdueBefore - 1);

    const cleared = await put(team.owner.caller, `/api/versions/${versionId}/due-date`, { dueAt: null });
    expect(cleared.body).toEqual({ versionId, dueAt: null });
    expect((await rowOf(team.viewer, assetId)).dueAt).toBeNull();
  });

  it('reads a date with an offset as the moment it names, in UTC; an offset no place uses is a 400, not a 500', async () => {
    const { versionId } = await newCut();
    const kolkata = await put(team.editor.caller, `/api/versions/${versionId}/due-date`, {
      dueAt: '2027-01-01T17:00:00+05:30',
    });
    expect(kolkata.status).toBe(200);
    expect(kolkata.body).toEqual({ versionId, dueAt: '2027-01-01T11:30:00.000Z' });
    for (const dueAt of ['2027-01-01T10:00:00+16:00', '2027-01-01T10:00:00-15:59']) {
      const refused = await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([
        { path: 'dueAt', message: 'must have a time-zone offset between -12:00 and +14:00' },
      ]);
    }
    // A review link's expiry is read the same way.
    const link = await team.editor.caller.post(`/api/projects/${team.projectId}/links`, {
      permissions: ['view'],
      expiresAt: '2027-01-01T10:00:00+16:00',
    });
    expect(link.status).toBe(400);
    expect(link.body.fields).toEqual([
      { path: 'expiresAt', message: 'must have a time-zone offset between -12:00 and +14:00' },
    ]);
  });

  it('puts a due date only on the round under review: an earlier, failed or unfinished version is refused, and a cut’s date lands on its newest ready one', async () => {
    const { assetId, versionId: v1 } = await newCut();
    const { versionId: v2 } = await readyNextVersion(server.db, team.editor, assetId);
    await tusUpload(team.editor.caller, randomBytes(500), { filename: 'v3.mov', assetId });
    const [{ id: v3 }] = await server.db.query<{ id: string }>(
      `SELECT id FROM versions WHERE asset_id = $1 AND number = 3`,
      [assetId],
    );
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const refusal = async (versionId: string) => {
      const reply = await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt });
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('not_current_round');
      return reply.body.message;
    };
    expect(await refusal(v1)).toBe('v1 is an earlier round: set it on v2, the round under review.');
    expect(await refusal(v3)).toBe('v3 is not ready for review yet: set it on v2, the round under review.');
    await server.db.query(`UPDATE versions SET status = 'failed' WHERE id = $1`, [v3]);
    expect(await refusal(v3)).toBe(
      'v3 failed to process, so it is not a round under review: set it on v2, the round under review.',
    );

    // Sharing sets the cut's date: it goes on the round the board shows.
    const cut = await put(team.editor.caller, `/api/assets/${assetId}/due-date`, { dueAt });
    expect(cut.status).toBe(200);
    expect(cut.body).toEqual({ versionId: v2, dueAt });
    expect(await rowOf(team.viewer, assetId)).toMatchObject({ version: { id: v2 }, dueAt });
    expect((await put(team.reviewer.caller, `/api/assets/${assetId}/due-date`, { dueAt })).status).toBe(403);
    // An earlier round's date may still be cleared.
    expect((await put(team.editor.caller, `/api/versions/${v1}/due-date`, { dueAt: null })).status).toBe(200);

    await tusUpload(team.editor.caller, randomBytes(500), {
      filename: 'rough.mov',
      projectId: team.projectId,
      assetName: 'Nothing ready',
    });
    const [{ id: roughId }] = await server.db.query<{ id: string }>(
      `SELECT id FROM assets WHERE name = 'Nothing ready'`,
    );
    const none = await put(team.editor.caller, `/api/assets/${roughId}/due-date`, { dueAt });
    expect(none.status).toBe(409);
    expect(none.body.message).toBe(
      'This cut has no version ready for review yet: set its due date once one is.',
    );
  });

  it('dates a cut’s last activity by its notes, decisions and versions, never by due dates, approvers or roles', async () => {
    const { assetId, versionId } = await newCut();
    const note = await team.reviewer.caller.post(`/api/versions/${versionId}/comments`, {
      body: 'Grade is too cold',
      frame: 12,
    });
    expect(note.status).toBe(201);
    expect((await rowOf(team.editor, assetId)).lastActivityAt).toBe(note.body.createdAt);

    await put(team.editor.caller, `/api/versions/${versionId}/due-date`, {
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await put(team.editor.caller, `/api/assets/${assetId}/approvers`, { userIds: [team.reviewer.user.id] });
    // A role change re-announces every cut's approval (an event on each cut).
    await team.owner.caller.request(
      'PATCH',
      `/api/projects/${team.projectId}/members/${team.viewer.user.id}`,
      {
        role: 'reviewer',
      },
    );
    await team.owner.caller.request(
      'PATCH',
      `/api/projects/${team.projectId}/members/${team.viewer.user.id}`,
      {
        role: 'viewer',
      },
    );
    expect((await rowOf(team.editor, assetId)).lastActivityAt).toBe(note.body.createdAt);

    const decision = await decide(team.reviewer, versionId, 'approved');
    expect((await rowOf(team.editor, assetId)).lastActivityAt).toBe(decision.body.decision.createdAt);
  });

  it('sums the project in a header: cuts per state, overdue, and the median time to approval', async () => {
    const project = await team.owner.caller.post('/api/projects', { name: 'Header counts' });
    const projectId: string = project.body.id;
    await team.owner.caller.post(`/api/projects/${projectId}/members`, {
      email: team.reviewer.user.email,
      role: 'reviewer',
    });
    const approved = await readyVersion(server.db, team.owner, projectId);
    const changes = await readyVersion(server.db, team.owner, projectId);
    await readyVersion(server.db, team.owner, projectId);
    await decide(team.reviewer, approved.versionId, 'approved');
    await decide(team.reviewer, changes.versionId, 'changes_requested');
    // The approved round went out two hours before it was approved.
    await server.db.query(
      `UPDATE versions SET ready_at = (SELECT created_at FROM decisions WHERE version_id = $1) - interval '2 hours'
       WHERE id = $1`,
      [approved.versionId],
    );
    const { header, rows } = await boardOf(team.owner, projectId);
    expect(rows).toHaveLength(3);
    expect(header.counts).toEqual({ in_review: 1, changes_requested: 1, approved: 1 });
    expect(header.overdue).toBe(0);
    expect(header.medianSecondsToApproval).toBe(7200);
  });

  it('lists my work across projects: cuts I made or must approve, and which wait on me', async () => {
    const other = await team.outsider.caller.post('/api/projects', { name: 'Outsider’s own' });
    await team.outsider.caller.post(`/api/projects/${other.body.id}/members`, {
      email: team.viewer.user.email,
      role: 'reviewer',
    });
    const theirs = await readyVersion(server.db, team.outsider, other.body.id);
    await put(team.outsider.caller, `/api/assets/${theirs.assetId}/approvers`, {
      userIds: [team.viewer.user.id],
    });
    const unrelated = await readyVersion(server.db, team.outsider, other.body.id);

    const mine = await team.viewer.caller.get('/api/rounds?mine=true');
    expect(mine.status).toBe(200);
    const rows = roundsBoardSchema.parse(mine.body).rows;
    expect(rows.find((row) => row.assetId === theirs.assetId)).toMatchObject({
      projectName: 'Outsider’s own',
      waitingOnMe: true,
      mine: true,
    });
    expect(rows.some((row) => row.assetId === unrelated.assetId)).toBe(false);
    expect(rows.every((row) => row.mine)).toBe(true);

    const all = roundsBoardSchema.parse((await team.viewer.caller.get('/api/rounds')).body).rows;
    expect(all.some((row) => row.assetId === unrelated.assetId)).toBe(true);
    expect(all.some((row) => row.projectId === team.projectId)).toBe(true);
    // The outsider is in no project of the team: none of its cuts.
    const outsiders = roundsBoardSchema.parse((await team.outsider.caller.get('/api/rounds')).body).rows;
    expect(outsiders.every((row) => row.projectId === other.body.id)).toBe(true);

    expect((await team.viewer.caller.get('/api/rounds?mine=maybe')).status).toBe(400);
  });

  it('reads only the cuts a live change moved, when named, and never a cut the caller may not see', async () => {
    const first = await newCut();
    const second = await newCut();
    await newCut();
    const named = `/api/rounds?assetIds=${first.assetId},${second.assetId.toUpperCase()}`;
    const reply = await team.viewer.caller.get(named);
    expect(reply.status).toBe(200);
    const board = roundsBoardSchema.parse(reply.body);
    expect(board.rows.map((row) => row.assetId).sort()).toEqual([first.assetId, second.assetId].sort());
    expect(board.header.counts.in_review).toBe(2);
    expect(roundsBoardSchema.parse((await team.outsider.caller.get(named)).body).rows).toEqual([]);
    expect((await team.viewer.caller.get('/api/rounds?assetIds=not-an-id')).status).toBe(400);
  });

  it('exports a cut’s round history as CSV: each version going out, every decision in order, notes raised and addressed', async () => {
    const { assetId, versionId: v1 } = await newCut();
    const sky = await comment(team.reviewer, v1, { body: 'Sky too warm', frame: 10 });
    await comment(team.reviewer, v1, { body: 'Logo too small', frame: 20 });
    await decide(team.reviewer, v1, 'changes_requested', 'Two notes');
    const { versionId: v2 } = await readyNextVersion(server.db, team.editor, assetId);
    await put(team.editor.caller, `/api/versions/${v2}/carried-over/${sky}/addressed`);
    await decide(team.reviewer, v2, 'approved');
    await decide(team.owner, v2, 'approved');

    const reply = await team.viewer.caller.get(`/api/assets/${assetId}/round-history`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(reply.headers.get('content-disposition')).toContain('round history.csv');
    const rows = String(reply.body)
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['round', 'version', 'event', 'who'],
      ['1', 'v1', 'went out', ''],
      ['1', 'v1', 'requested changes', 'Rita Reviewer'],
      ['2', 'v2', 'went out', ''],
      ['2', 'v2', 'approved', 'Rita Reviewer'],
      ['2', 'v2', 'approved', 'Olive Owner'],
    ]);
    // v1: two notes raised, one addressed in v2, one still open; v2 approved, with its hours to approval.
    expect(rows[1].slice(5, 9)).toEqual(['changes_requested', '2', '1', '1']);
    expect(rows[3][5]).toBe('approved');
    expect(rows[3][10]).toMatch(/^\d+\.\d$/);
    expect(rows[2][11]).toBe('Two notes');
    expect((await team.outsider.caller.get(`/api/assets/${assetId}/round-history`)).status).toBe(404);
  });

  it('leaves the team’s internal notes out of the round history on ?internal=false, as the notes exports do', async () => {
    const { assetId, versionId } = await newCut();
    await comment(team.reviewer, versionId, { body: 'Shared note', frame: 1 });
    await comment(team.editor, versionId, { body: 'Team only', frame: 2, internal: true });
    const decided = await team.reviewer.caller.post(`/api/versions/${versionId}/decisions`, {
      decision: 'changes_requested',
      note: 'One thing',
      internalNote: 'The client is picky',
    });
    expect(decided.status).toBe(201);
    const csv = async (query: string) => {
      const reply = await team.editor.caller.get(`/api/assets/${assetId}/round-history${query}`);
      expect(reply.status).toBe(200);
      return String(reply.body)
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
    };
    const all = await csv('');
    // notes raised, addressed, still open; then the decision's note and internal note
    expect(all[1].slice(6, 9)).toEqual(['2', '0', '2']);
    expect(all[2].slice(11, 13)).toEqual(['One thing', 'The client is picky']);
    const shared = await csv('?internal=false');
    expect(shared[1].slice(6, 9)).toEqual(['1', '0', '1']);
    expect(shared[2].slice(11, 13)).toEqual(['One thing', '']);
    expect((await team.editor.caller.get(`/api/assets/${assetId}/round-history?internal=maybe`)).status).toBe(
      400,
    );
  });

  it('describes its routes in the OpenAPI document as they answer', async () => {
    const doc = (await new Caller(server.api.baseUrl).get('/api/docs-json')).body;
    expect(Object.keys(doc.paths['/api/versions/{versionId}/due-date'].get.responses)).toContain('403');
    const history = doc.paths['/api/assets/{assetId}/round-history'].get;
    expect(Object.keys(history.responses['200'].content)).toEqual(['text/csv']);
    expect(history.parameters.map((p: { name: string }) => p.name)).toContain('internal');
  });

  it('is for members only: outsiders get not found, guests and anonymous callers nothing', async () => {
    const { versionId } = await newCut();
    expect((await team.outsider.caller.get(`/api/projects/${team.projectId}/rounds`)).status).toBe(404);
    expect((await team.outsider.caller.get(`/api/versions/${versionId}/due-date`)).status).toBe(404);
    const anonymous = new Caller(server.api.baseUrl);
    expect((await anonymous.get(`/api/projects/${team.projectId}/rounds`)).status).toBe(401);
    expect((await anonymous.get('/api/rounds')).status).toBe(401);

    const link = await team.editor.caller.post(`/api/projects/${team.projectId}/links`, {
      permissions: ['view', 'comment', 'approve'],
      showTeamActivity: true,
    });
    expect(link.status).toBe(201);
    const joined = await anonymous.post(`/api/share/${link.body.token}/guests`, { name: 'Gwen' });
    const guest = new Caller(server.api.baseUrl, { token: joined.body.token });
    expect((await guest.get(`/api/projects/${team.projectId}/rounds`)).status).toBe(403);
    expect((await guest.get('/api/rounds')).status).toBe(403);
    expect((await guest.get(`/api/versions/${versionId}/due-date`)).status).toBe(403);
  });

  it('tells the project room live when a due date moves', async () => {
    const { assetId, versionId } = await newCut();
    const member = await connectSocket(server.api.baseUrl, team.viewer.token);
    try {
      expect((await emitWithAck(member.socket, 'project:join', { projectId: team.projectId })).ok).toBe(true);
      const dueAt = new Date(Date.now() + 86_400_000).toISOString();
      await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt });
      const event = await waitFor(() =>
        member.events.find((e) => e.type === 'round.due' && e.assetId === assetId),
      );
      expect(event.payload).toEqual({ versionId, dueAt });
      // Setting the same date again changes nothing and says nothing.
      await put(team.editor.caller, `/api/versions/${versionId}/due-date`, { dueAt });
      await decide(team.reviewer, versionId, 'approved');
      await waitFor(() => member.events.find((e) => e.type === 'decision.recorded' && e.assetId === assetId));
      expect(member.events.filter((e) => e.type === 'round.due' && e.assetId === assetId)).toHaveLength(1);
    } finally {
      member.socket.disconnect();
    }
  });
});

describe('what the rounds board costs the database', () => {
  let db: TestDatabase;
  let counter: StatementCounter;
  let dataDir: string;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    counter = await startStatementCounter(db.url);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-board-cost-'));
    chmodSync(dataDir, 0o755);
    api = await startApi({ DATABASE_URL: counter.url, DATA_DIR: dataDir, MEDIA_WORKER: 'false' });
  });
  afterAll(async () => {
    await api?.stop();
    await counter?.close();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The statements one read costs: the fewest of a few reads (background sweeps only ever add). */
  const statementsOf = async (who: SignedIn, route: string) => {
    let fewest = Infinity;
    for (let read = 0; read < 5; read += 1) {
      const before = counter.count();
      expect((await who.caller.get(route)).status).toBe(200);
      fewest = Math.min(fewest, counter.count() - before);
    }
    return fewest;
  };
  const withProjects = async (name: string, count: number) => {
    const person = await signUp(api.baseUrl, name);
    for (let n = 0; n < count; n += 1) {
      const project = await person.caller.post('/api/projects', { name: `${name} ${n}` });
      await readyVersion(db, person, project.body.id);
    }
    return person;
  };

  it('reads “My work” in as many statements for eight projects as for two', async () => {
    const few = await withProjects('Fay Few', 2);
    const many = await withProjects('Manny Many', 8);
    expect((await many.caller.get('/api/rounds')).body.rows).toHaveLength(8);
    expect(await statementsOf(many, '/api/rounds')).toBe(await statementsOf(few, '/api/rounds'));
  });
});
