import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type Reply, type SignedIn, signUp } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { tusUpload } from './support/tus.js';

type Role = 'owner' | 'editor' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

describe('approvals and revision rounds', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let projectId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-approvals-'));
    chmodSync(dataDir, 0o755);
    api = await startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, MEDIA_WORKER: 'false' });
    ({ owner, editor, reviewer, viewer, outsider, projectId } = await signUpTeam(api.baseUrl, 'Sign-off'));
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const put = (caller: Caller, route: string, body?: unknown) => caller.request('PUT', route, body);
  const decide = (who: SignedIn, versionId: string, decision: string, note?: string) =>
    who.caller.post(
      `/api/versions/${versionId}/decisions`,
      note === undefined ? { decision } : { decision, note },
    );
  const approvalOf = async (assetId: string) =>
    (await viewer.caller.get(`/api/assets/${assetId}/approval`)).body;
  const comment = async (who: SignedIn, versionId: string, body: object) => {
    const reply = await who.caller.post(`/api/versions/${versionId}/comments`, body);
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };

  describe('decisions on a version', () => {
    it('with no approvers named, a version is in review until one approval and no request for changes', async () => {
      const { assetId, versionId } = await readyVersion(db, editor, projectId);
      expect(await approvalOf(assetId)).toMatchObject({
        assetId,
        versionId,
        versionNumber: 1,
        current: true,
        rule: 'anyone',
        state: 'in_review',
        approvedCount: 0,
        requiredCount: 0,
        pendingIds: [],
        requiredApprovers: [],
        decisions: [],
      });
      const approved = await decide(reviewer, versionId, 'approved', 'Lovely');
      expect(approved.status).toBe(201);
      expect(approved.body.decision).toMatchObject({
        versionId,
        assetId,
        decision: 'approved',
        note: 'Lovely',
        decidedBy: { id: reviewer.user.id, displayName: 'Rita Reviewer' },
      });
      expect(approved.body.approval).toMatchObject({ state: 'approved', approvedCount: 1, requiredCount: 1 });
      await decide(editor, versionId, 'changes_requested');
      expect(await approvalOf(assetId)).toMatchObject({
        state: 'changes_requested',
        approvedCount: 1,
        requiredCount: 2,
      });
    });

    it('the history is append-only and each person’s newest decision is the one that counts', async () => {
      const { assetId, versionId } = await readyVersion(db, editor, projectId);
      const first = (await decide(reviewer, versionId, 'approved')).body.decision;
      const second = (await decide(reviewer, versionId, 'changes_requested', '  Grade the sky  ')).body
        .decision;
      const third = (await decide(reviewer, versionId, 'approved', '   ')).body.decision;
      expect(second.note).toBe('Grade the sky');
      expect(third.note).toBeNull();

      const history = await viewer.caller.get(`/api/versions/${versionId}/decisions`);
      expect(history.status).toBe(200);
      expect(history.body.decisions.map((d: { id: string }) => d.id)).toEqual([
        third.id,
        second.id,
        first.id,
      ]);
      const approval = await approvalOf(assetId);
      expect(approval.decisions.map((d: { id: string }) => d.id)).toEqual([third.id]);
      expect(approval.state).toBe('approved');

      await expect(
        db.query(`UPDATE decisions SET decision = 'approved' WHERE id = $1`, [second.id]),
      ).rejects.toThrow('append-only');
      await expect(db.query(`DELETE FROM decisions WHERE id = $1`, [first.id])).rejects.toThrow(
        'append-only',
      );
      const [{ count }] = await db.query<{ count: string }>(
        `SELECT count(*) FROM decisions WHERE version_id = $1`,
        [versionId],
      );
      expect(count).toBe('3');
    });

    it('with required approvers: approved only when all of them approve, changes requested when any asks', async () => {
      const { assetId, versionId } = await readyVersion(db, editor, projectId);
      const chosen = await put(editor.caller, `/api/assets/${assetId}/approvers`, {
        userIds: [reviewer.user.id, owner.user.id],
      });
      expect(chosen.status).toBe(200);
      expect(chosen.body).toEqual({
        source: 'asset',
        approvers: [
          { id: owner.user.id, displayName: 'Olive Owner', role: 'owner' },
          { id: reviewer.user.id, displayName: 'Rita Reviewer', role: 'reviewer' },
        ],
      });
      expect(await approvalOf(assetId)).toMatchObject({
        rule: 'required',
        state: 'in_review',
        approvedCount: 0,
        requiredCount: 2,
        pendingIds: [owner.user.id, reviewer.user.id],
      });

      await decide(reviewer, versionId, 'approved');
      expect(await approvalOf(assetId)).toMatchObject({
        state: 'in_review',
        approvedCount: 1,
        pendingIds: [owner.user.id],
      });
      // Someone not required is heard but does not hold up (or sign off) the round.
      await decide(editor, versionId, 'changes_requested');
      expect((await approvalOf(assetId)).state).toBe('in_review');
      const last = await decide(owner, versionId, 'approved');
      expect(last.body.approval).toMatchObject({
        state: 'approved',
        approvedCount: 2,
        requiredCount: 2,
        pendingIds: [],
      });
      await decide(reviewer, versionId, 'changes_requested', 'Actually, the logo is wrong');
      expect(await approvalOf(assetId)).toMatchObject({ state: 'changes_requested', approvedCount: 1 });
    });

    it('assets follow the project’s default approvers until they have their own list', async () => {
      const follower = await readyVersion(db, editor, projectId);
      const ownList = await readyVersion(db, editor, projectId);
      await put(owner.caller, `/api/assets/${ownList.assetId}/approvers`, { userIds: [owner.user.id] });

      const set = await put(owner.caller, `/api/projects/${projectId}/approvers`, {
        userIds: [reviewer.user.id],
      });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        source: 'project',
        approvers: [{ id: reviewer.user.id, displayName: 'Rita Reviewer', role: 'reviewer' }],
      });
      expect((await viewer.caller.get(`/api/projects/${projectId}/approvers`)).body).toEqual(set.body);
      expect((await viewer.caller.get(`/api/assets/${follower.assetId}/approvers`)).body).toEqual(set.body);
      expect(await approvalOf(follower.assetId)).toMatchObject({
        rule: 'required',
        pendingIds: [reviewer.user.id],
      });
      expect(await approvalOf(ownList.assetId)).toMatchObject({
        rule: 'required',
        pendingIds: [owner.user.id],
      });

      const anyone = await put(editor.caller, `/api/assets/${ownList.assetId}/approvers`, { userIds: [] });
      expect(anyone.body).toEqual({ source: 'asset', approvers: [] });
      expect(await approvalOf(ownList.assetId)).toMatchObject({ rule: 'anyone', requiredCount: 0 });
      const back = await put(editor.caller, `/api/assets/${ownList.assetId}/approvers`, { userIds: null });
      expect(back.body).toEqual(set.body);
      expect(await approvalOf(ownList.assetId)).toMatchObject({
        rule: 'required',
        pendingIds: [reviewer.user.id],
      });

      const grid = await viewer.caller.get(`/api/projects/${projectId}/approvals`);
      expect(grid.status).toBe(200);
      const forFollower = grid.body.approvals.find(
        (a: { assetId: string }) => a.assetId === follower.assetId,
      );
      expect(forFollower).toMatchObject({
        versionId: follower.versionId,
        state: 'in_review',
        requiredCount: 1,
      });

      await put(owner.caller, `/api/projects/${projectId}/approvers`, { userIds: [] });
    });

    it('only members allowed to decide can be required approvers, each named once', async () => {
      const { assetId } = await readyVersion(db, editor, projectId);
      const before = await db.query(`SELECT count(*) FROM approver_list_members`);
      for (const userIds of [
        [viewer.user.id],
        [outsider.user.id],
        [randomUUID()],
        [owner.user.id, owner.user.id],
        ['x'],
      ]) {
        const reply = await put(editor.caller, `/api/assets/${assetId}/approvers`, { userIds });
        expect(reply.status).toBe(400);
        expect(reply.body.fields?.[0]?.path).toMatch(/^userIds/);
      }
      const refused = await put(editor.caller, `/api/assets/${assetId}/approvers`, {
        userIds: [owner.user.id, viewer.user.id],
      });
      expect(refused.body.fields).toEqual([
        { path: 'userIds.1', message: 'is not a project member who may approve' },
      ]);
      expect(await db.query(`SELECT count(*) FROM approver_list_members`)).toEqual(before);
    });

    it('someone who leaves the project drops off its approver lists', async () => {
      const leaver = await signUp(api.baseUrl, 'Lee Leaver');
      await owner.caller.post(`/api/projects/${projectId}/members`, {
        email: leaver.user.email,
        role: 'reviewer',
      });
      const { assetId } = await readyVersion(db, editor, projectId);
      await put(editor.caller, `/api/assets/${assetId}/approvers`, {
        userIds: [leaver.user.id, reviewer.user.id],
      });
      expect((await approvalOf(assetId)).requiredCount).toBe(2);
      expect(
        (await leaver.caller.delete(`/api/projects/${projectId}/members/${leaver.user.id}`)).status,
      ).toBe(204);
      expect((await viewer.caller.get(`/api/assets/${assetId}/approvers`)).body.approvers).toEqual([
        expect.objectContaining({ id: reviewer.user.id }),
      ]);
      expect(await approvalOf(assetId)).toMatchObject({ requiredCount: 1, pendingIds: [reviewer.user.id] });
    });
  });

  describe('revision rounds', () => {
    it('a new version starts a new round, pending again; the old round keeps its outcome and is closed', async () => {
      const { assetId, versionId: v1 } = await readyVersion(db, editor, projectId);
      await put(editor.caller, `/api/assets/${assetId}/approvers`, { userIds: [reviewer.user.id] });
      await decide(reviewer, v1, 'approved');
      expect((await approvalOf(assetId)).state).toBe('approved');

      const { versionId: v2, number } = await readyNextVersion(db, editor, assetId);
      expect(number).toBe(2);
      expect(await approvalOf(assetId)).toMatchObject({
        versionId: v2,
        versionNumber: 2,
        current: true,
        state: 'in_review',
        approvedCount: 0,
        pendingIds: [reviewer.user.id],
        decisions: [],
      });
      expect((await viewer.caller.get(`/api/versions/${v1}/approval`)).body).toMatchObject({
        versionId: v1,
        current: false,
        state: 'approved',
      });
      const late = await decide(reviewer, v1, 'changes_requested');
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('version_superseded');

      const rounds = (await viewer.caller.get(`/api/assets/${assetId}/rounds`)).body.rounds;
      expect(rounds.map((r: any) => [r.versionNumber, r.approval.state, r.approval.current])).toEqual([
        [2, 'in_review', true],
        [1, 'approved', false],
      ]);
    });

    it('a version still being processed cannot be decided on yet', async () => {
      const { assetId } = await readyVersion(db, editor, projectId);
      await tusUpload(editor.caller, randomBytes(1000), { filename: 'v2.mov', assetId });
      const [pending] = await db.query<{ id: string }>(
        `SELECT id FROM versions WHERE asset_id = $1 AND number = 2`,
        [assetId],
      );
      const refused = await decide(reviewer, pending.id, 'approved');
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('version_not_watchable');
      expect(await db.query(`SELECT * FROM decisions WHERE version_id = $1`, [pending.id])).toEqual([]);
    });

    it('version N+1 lists exactly the threads version N left open, and each can be marked addressed', async () => {
      const { assetId, versionId: v1 } = await readyVersion(db, editor, projectId);
      const other = await readyVersion(db, editor, projectId);
      const pinned = await comment(reviewer, v1, { body: 'Sky too warm', frame: 100 });
      const general = await comment(owner, v1, { body: 'Tighten the middle' });
      const early = await comment(reviewer, v1, { body: 'Flash frame', frame: 3 });
      const done = await comment(reviewer, v1, { body: 'Typo in the title', frame: 50 });
      await editor.caller.post(`/api/comments/${done}/resolve`);
      const reply = await comment(editor, v1, { body: 'On it', parentId: pinned });
      const elsewhere = await comment(reviewer, other.versionId, { body: 'Other asset', frame: 1 });
      const { versionId: v2 } = await readyNextVersion(db, editor, assetId);
      const onV2 = await comment(reviewer, v2, { body: 'New note on v2', frame: 7 });

      expect((await viewer.caller.get(`/api/versions/${v1}/carried-over`)).body).toEqual({
        versionId: v1,
        fromVersion: null,
        comments: [],
      });
      const carried = await viewer.caller.get(`/api/versions/${v2}/carried-over`);
      expect(carried.status).toBe(200);
      expect(carried.body.fromVersion).toEqual({ id: v1, number: 1 });
      expect(carried.body.comments.map((c: any) => c.comment.id)).toEqual([general, early, pinned]);
      expect(carried.body.comments[2]).toMatchObject({
        comment: {
          id: pinned,
          versionId: v1,
          frame: 100,
          body: 'Sky too warm',
          author: { id: reviewer.user.id },
        },
        replyCount: 1,
        addressed: null,
      });

      const marked = await put(editor.caller, `/api/versions/${v2}/carried-over/${pinned}/addressed`);
      expect(marked.status).toBe(200);
      expect(marked.body.addressed).toEqual({
        versionId: v2,
        by: { id: editor.user.id, displayName: 'Eddie Editor' },
        at: expect.any(String),
      });
      const again = await put(owner.caller, `/api/versions/${v2}/carried-over/${pinned}/addressed`);
      expect(again.body.addressed.by.id).toBe(editor.user.id);
      // The author marks their own note; it is a link, the note itself stays on v1.
      expect((await put(reviewer.caller, `/api/versions/${v2}/carried-over/${early}/addressed`)).status).toBe(
        200,
      );
      const [{ count: copies }] = await db.query<{ count: string }>(
        `SELECT count(*) FROM comments WHERE version_id = $1`,
        [v2],
      );
      expect(copies).toBe('1');

      for (const [what, id, status] of [
        ['a resolved note', done, 409],
        ['a reply', reply, 409],
        ['a note of the same version', onV2, 409],
        ['a note of another asset', elsewhere, 404],
        ['no note at all', randomUUID(), 404],
      ] as const) {
        const refused = await put(editor.caller, `/api/versions/${v2}/carried-over/${id}/addressed`);
        expect([what, refused.status]).toEqual([what, status]);
      }

      let rounds = (await viewer.caller.get(`/api/assets/${assetId}/rounds`)).body.rounds;
      expect(rounds.map((r: any) => [r.versionNumber, r.notes])).toEqual([
        [2, { total: 1, open: 1, addressed: 0, stillOpen: 1 }],
        [1, { total: 4, open: 3, addressed: 2, stillOpen: 1 }],
      ]);

      const unmarked = await editor.caller.delete(`/api/versions/${v2}/carried-over/${pinned}/addressed`);
      expect(unmarked.status).toBe(200);
      expect(unmarked.body.addressed).toBeNull();
      rounds = (await viewer.caller.get(`/api/assets/${assetId}/rounds`)).body.rounds;
      expect(rounds[1].notes).toEqual({ total: 4, open: 3, addressed: 1, stillOpen: 2 });

      // Resolving a note on v1 takes it off what v1 left open.
      await owner.caller.post(`/api/comments/${general}/resolve`);
      const after = (await viewer.caller.get(`/api/versions/${v2}/carried-over`)).body.comments;
      expect(after.map((c: any) => c.comment.id)).toEqual([early, pinned]);

      const { versionId: v3 } = await readyNextVersion(db, editor, assetId);
      const fromV2 = (await viewer.caller.get(`/api/versions/${v3}/carried-over`)).body;
      expect(fromV2.fromVersion).toEqual({ id: v2, number: 2 });
      expect(fromV2.comments.map((c: any) => c.comment.id)).toEqual([onV2]);
    });
  });

  describe('live: everyone in the room hears decisions, approver changes and addressed notes', () => {
    it('each change arrives once, in seq order, with the new state', async () => {
      const { assetId, versionId: v1 } = await readyVersion(db, editor, projectId);
      const note = await comment(reviewer, v1, { body: 'Fix the mix', frame: 12 });
      const { versionId: v2 } = await readyNextVersion(db, editor, assetId);
      const room = await connectSocket(api.baseUrl, viewer.token);
      const grid = await connectSocket(api.baseUrl, owner.token);
      try {
        const joined = await emitWithAck(room.socket, 'asset:join', { assetId });
        expect(joined.ok).toBe(true);
        expect((await emitWithAck(grid.socket, 'project:join', { projectId })).ok).toBe(true);

        await put(editor.caller, `/api/assets/${assetId}/approvers`, { userIds: [reviewer.user.id] });
        const recorded = await decide(reviewer, v2, 'approved', 'Ship it');
        await put(editor.caller, `/api/versions/${v2}/carried-over/${note}/addressed`);
        await editor.caller.delete(`/api/versions/${v2}/carried-over/${note}/addressed`);

        const wanted = ['approvers.changed', 'decision.recorded', 'comment.addressed', 'comment.unaddressed'];
        const seen = await waitFor(() => {
          const mine = room.events.filter((e) => e.assetId === assetId && wanted.includes(e.type));
          return mine.length >= wanted.length && mine;
        });
        expect(seen.map((e) => e.type)).toEqual(wanted);
        expect(seen.map((e) => e.seq)).toEqual([...seen.map((e) => e.seq)].sort((a, b) => a - b));
        expect(seen[0].payload).toMatchObject({
          approvers: { source: 'asset', approvers: [{ id: reviewer.user.id }] },
          approval: { versionId: v2, state: 'in_review', pendingIds: [reviewer.user.id] },
        });
        expect(seen[1].payload).toEqual(recorded.body);
        expect(seen[1].payload.approval).toMatchObject({
          state: 'approved',
          approvedCount: 1,
          requiredCount: 1,
        });
        expect(seen[2].payload).toMatchObject({
          versionId: v2,
          item: { comment: { id: note }, addressed: { versionId: v2 } },
        });
        expect(seen[3].payload).toMatchObject({
          versionId: v2,
          item: { comment: { id: note }, addressed: null },
        });

        const onGrid = await waitFor(() =>
          grid.events.find((e) => e.assetId === assetId && e.type === 'decision.recorded'),
        );
        expect(onGrid.payload.approval.state).toBe('approved');

        // A client that missed them replays the same events from the log.
        const late = await connectSocket(api.baseUrl, reviewer.token);
        const replay = await emitWithAck(late.socket, 'asset:join', { assetId, afterSeq: seen[0].seq - 1 });
        expect(replay.events.filter((e: { type: string }) => wanted.includes(e.type))).toEqual(
          seen.map((e) => expect.objectContaining({ seq: e.seq, type: e.type })),
        );
        late.socket.disconnect();
      } finally {
        room.socket.disconnect();
        grid.socket.disconnect();
      }
    });

    it('changing the project’s default approvers tells every asset that follows it', async () => {
      const follower = await readyVersion(db, editor, projectId);
      const ownList = await readyVersion(db, editor, projectId);
      await put(editor.caller, `/api/assets/${ownList.assetId}/approvers`, { userIds: [] });
      const grid = await connectSocket(api.baseUrl, editor.token);
      try {
        await emitWithAck(grid.socket, 'project:join', { projectId });
        await put(owner.caller, `/api/projects/${projectId}/approvers`, { userIds: [owner.user.id] });
        const heard = await waitFor(() =>
          grid.events.find((e) => e.assetId === follower.assetId && e.type === 'approvers.changed'),
        );
        expect(heard.payload.approval).toMatchObject({ rule: 'required', pendingIds: [owner.user.id] });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(
          grid.events.filter((e) => e.assetId === ownList.assetId && e.type === 'approvers.changed'),
        ).toEqual([]);
        // Setting the same list again changes nothing and says nothing.
        const count = grid.events.length;
        await put(owner.caller, `/api/projects/${projectId}/approvers`, { userIds: [owner.user.id] });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(grid.events.length).toBe(count);
      } finally {
        grid.socket.disconnect();
        await put(owner.caller, `/api/projects/${projectId}/approvers`, { userIds: [] });
      }
    });
  });

  describe('live: a change of who may decide', () => {
    it('demoting a required approver to viewer moves every round they held up, and everyone hears it', async () => {
      const cut = await readyVersion(db, editor, projectId);
      await put(editor.caller, `/api/assets/${cut.assetId}/approvers`, { userIds: [reviewer.user.id] });
      expect((await approvalOf(cut.assetId)).pendingIds).toEqual([reviewer.user.id]);
      const grid = await connectSocket(api.baseUrl, editor.token);
      const member = `/api/projects/${projectId}/members/${reviewer.user.id}`;
      try {
        await emitWithAck(grid.socket, 'project:join', { projectId });
        const heard = () =>
          grid.events.filter((e) => e.assetId === cut.assetId && e.type === 'approvers.changed');
        // Reviewer to editor: both decide, nothing moves, nothing is said.
        await owner.caller.patch(member, { role: 'editor' });
        await owner.caller.patch(member, { role: 'reviewer' });
        await owner.caller.patch(member, { role: 'viewer' });
        const demoted = await waitFor(() => heard().length > 0 && heard());
        expect(demoted).toHaveLength(1);
        expect(demoted[0].payload.approval).toMatchObject({
          rule: 'anyone',
          requiredCount: 0,
          pendingIds: [],
        });
        expect((await approvalOf(cut.assetId)).rule).toBe('anyone');
        await owner.caller.patch(member, { role: 'reviewer' });
        const restored = await waitFor(() => heard().length > 1 && heard());
        expect(restored[1].payload.approval).toMatchObject({
          rule: 'required',
          pendingIds: [reviewer.user.id],
        });
      } finally {
        grid.socket.disconnect();
        await owner.caller.patch(member, { role: 'reviewer' });
      }
    });
  });

  describe('every role against every route', () => {
    let assetId: string;
    let v1: string;
    let v2: string;
    let ownerNote: string;
    let reviewerNote: string;
    let secrets: string[];

    beforeAll(async () => {
      ({ assetId, versionId: v1 } = await readyVersion(db, editor, projectId));
      await owner.caller.patch(`/api/assets/${assetId}`, { name: 'Confidential Trailer' });
      ownerNote = await comment(owner, v1, { body: 'Secret owner note', frame: 10 });
      reviewerNote = await comment(reviewer, v1, { body: 'Secret reviewer note', frame: 20 });
      ({ versionId: v2 } = await readyNextVersion(db, editor, assetId));
      secrets = [
        'Confidential Trailer',
        'Sign-off',
        'Secret owner note',
        'Secret reviewer note',
        owner.user.email,
        reviewer.user.email,
        'Olive Owner',
      ];
    });

    const callers = (): Record<Role, Caller> => ({
      owner: owner.caller,
      editor: editor.caller,
      reviewer: reviewer.caller,
      viewer: viewer.caller,
      outsider: outsider.caller,
      anonymous: new Caller(api.baseUrl),
    });

    const routes: [string, (c: Caller) => Promise<Reply>, Record<Role, number>][] = [
      [
        'GET /api/projects/:projectId/approvals',
        (c) => c.get(`/api/projects/${projectId}/approvals`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'GET /api/projects/:projectId/approvers',
        (c) => c.get(`/api/projects/${projectId}/approvers`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'PUT /api/projects/:projectId/approvers',
        (c) => put(c, `/api/projects/${projectId}/approvers`, { userIds: [] }),
        { owner: 200, editor: 200, reviewer: 403, viewer: 403, outsider: 404, anonymous: 401 },
      ],
      [
        'GET /api/assets/:assetId/approval',
        (c) => c.get(`/api/assets/${assetId}/approval`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'GET /api/assets/:assetId/approvers',
        (c) => c.get(`/api/assets/${assetId}/approvers`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'PUT /api/assets/:assetId/approvers',
        (c) => put(c, `/api/assets/${assetId}/approvers`, { userIds: [owner.user.id] }),
        { owner: 200, editor: 200, reviewer: 403, viewer: 403, outsider: 404, anonymous: 401 },
      ],
      [
        'GET /api/assets/:assetId/rounds',
        (c) => c.get(`/api/assets/${assetId}/rounds`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'GET /api/versions/:versionId/approval',
        (c) => c.get(`/api/versions/${v1}/approval`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'GET /api/versions/:versionId/decisions',
        (c) => c.get(`/api/versions/${v2}/decisions`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'POST /api/versions/:versionId/decisions',
        (c) => c.post(`/api/versions/${v2}/decisions`, { decision: 'approved', note: 'fine' }),
        { owner: 201, editor: 201, reviewer: 201, viewer: 403, outsider: 404, anonymous: 401 },
      ],
      [
        'GET /api/versions/:versionId/carried-over',
        (c) => c.get(`/api/versions/${v2}/carried-over`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 200, outsider: 404, anonymous: 401 },
      ],
      [
        'PUT /api/versions/:versionId/carried-over/:commentId/addressed (someone else’s note)',
        (c) => put(c, `/api/versions/${v2}/carried-over/${ownerNote}/addressed`),
        { owner: 200, editor: 200, reviewer: 403, viewer: 403, outsider: 404, anonymous: 401 },
      ],
      [
        'DELETE /api/versions/:versionId/carried-over/:commentId/addressed (someone else’s note)',
        (c) => c.delete(`/api/versions/${v2}/carried-over/${ownerNote}/addressed`),
        { owner: 200, editor: 200, reviewer: 403, viewer: 403, outsider: 404, anonymous: 401 },
      ],
      [
        'PUT /api/versions/:versionId/carried-over/:commentId/addressed (the reviewer’s own note)',
        (c) => put(c, `/api/versions/${v2}/carried-over/${reviewerNote}/addressed`),
        { owner: 200, editor: 200, reviewer: 200, viewer: 403, outsider: 404, anonymous: 401 },
      ],
    ];

    const stored = () =>
      db.query(
        `SELECT (SELECT count(*) FROM decisions) AS decisions,
                (SELECT count(*) FROM approver_lists) AS lists,
                (SELECT count(*) FROM approver_list_members) AS list_members,
                (SELECT count(*) FROM addressed_comments) AS addressed,
                (SELECT count(*) FROM events) AS events`,
      );

    it.each(routes)('%s', async (_route, call, expected) => {
      const who = callers();
      const refused = (Object.keys(expected) as Role[]).filter((role) => expected[role] >= 400);
      const before = await stored();
      for (const role of refused) {
        const reply = await call(who[role]);
        expect([role, reply.status]).toEqual([role, expected[role]]);
        expect(reply.body).toMatchObject({ statusCode: expected[role], message: expect.any(String) });
        const text = JSON.stringify(reply.body);
        for (const secret of secrets) expect([role, text.includes(secret)]).toEqual([role, false]);
      }
      expect(await stored()).toEqual(before);
      for (const role of (Object.keys(expected) as Role[]).filter((r) => expected[r] < 400)) {
        const reply = await call(who[role]);
        expect([role, reply.status]).toEqual([role, expected[role]]);
      }
    });

    it('a bad id or body is a 400 with the one error shape, and stores nothing', async () => {
      const before = await stored();
      const replies = await Promise.all([
        owner.caller.post(`/api/versions/not-a-uuid/decisions`, { decision: 'approved' }),
        owner.caller.post(`/api/versions/${v2}/decisions`, { decision: 'maybe' }),
        owner.caller.post(`/api/versions/${v2}/decisions`, { decision: 'approved', note: 'x'.repeat(2001) }),
        owner.caller.post(`/api/versions/${v2}/decisions`, { decision: 'approved', userId: viewer.user.id }),
        put(owner.caller, `/api/assets/${assetId}/approvers`, {}),
        put(owner.caller, `/api/projects/${projectId}/approvers`, { userIds: null }),
        put(owner.caller, `/api/versions/${v2}/carried-over/nope/addressed`),
      ]);
      expect(replies.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
      for (const reply of replies) expect(reply.body.statusCode).toBe(400);
      expect(await stored()).toEqual(before);
    });

    it('unknown ids are 404s, like assets one cannot see', async () => {
      const missing = randomUUID();
      const replies = await Promise.all([
        owner.caller.get(`/api/versions/${missing}/approval`),
        owner.caller.post(`/api/versions/${missing}/decisions`, { decision: 'approved' }),
        owner.caller.get(`/api/assets/${missing}/rounds`),
        owner.caller.get(`/api/projects/${missing}/approvers`),
      ]);
      expect(replies.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    });
  });

  it('deleting an asset takes its decisions, lists and links with it', async () => {
    const { assetId, versionId: v1 } = await readyVersion(db, editor, projectId);
    const note = await comment(reviewer, v1, { body: 'Gone soon', frame: 1 });
    const { versionId: v2 } = await readyNextVersion(db, editor, assetId);
    await put(editor.caller, `/api/assets/${assetId}/approvers`, { userIds: [reviewer.user.id] });
    await decide(reviewer, v2, 'approved');
    await put(editor.caller, `/api/versions/${v2}/carried-over/${note}/addressed`);
    expect((await owner.caller.delete(`/api/assets/${assetId}`)).status).toBe(204);
    const [left] = await db.query(
      `SELECT (SELECT count(*) FROM decisions WHERE asset_id = $1) AS decisions,
              (SELECT count(*) FROM approver_lists WHERE asset_id = $1) AS lists,
              (SELECT count(*) FROM addressed_comments WHERE version_id = $2) AS addressed`,
      [assetId, v2],
    );
    expect(left).toEqual({ decisions: '0', lists: '0', addressed: '0' });
  });
});
