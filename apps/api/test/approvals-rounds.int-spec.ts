import { randomBytes, randomUUID } from 'node:crypto';
import { type ApiProcess } from './support/api-process.js';
import { type SignedIn } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { type TestDatabase } from './support/test-database.js';
import { tusUpload } from './support/tus.js';
import { useTestServer } from './support/test-server.js';
import { comment, decide, put } from './support/approvals.js';

describe('approvals and revision rounds', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let db: TestDatabase;
  let api: ApiProcess;
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let projectId: string;

  beforeAll(async () => {
    ({ db, api } = server);
    ({ owner, editor, reviewer, viewer, projectId } = await signUpTeam(server.api.baseUrl, 'Sign-off'));
  });

  const approvalOf = async (assetId: string) =>
    (await viewer.caller.get(`/api/assets/${assetId}/approval`)).body;

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
});
