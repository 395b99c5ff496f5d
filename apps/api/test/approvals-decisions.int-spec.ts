import { randomUUID } from 'node:crypto';
import { type ApiProcess } from './support/api-process.js';
import { type SignedIn, signUp } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { type TestDatabase } from './support/test-database.js';
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
  let outsider: SignedIn;
  let projectId: string;

  beforeAll(async () => {
    ({ db, api } = server);
    ({ owner, editor, reviewer, viewer, outsider, projectId } = await signUpTeam(
      server.api.baseUrl,
      'Sign-off',
    ));
  });

  const approvalOf = async (assetId: string) =>
    (await viewer.caller.get(`/api/assets/${assetId}/approval`)).body;

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

  it('deleting an asset for good takes its decisions, lists and links with it', async () => {
    const { assetId, versionId: v1 } = await readyVersion(db, editor, projectId);
    const note = await comment(reviewer, v1, { body: 'Gone soon', frame: 1 });
    const { versionId: v2 } = await readyNextVersion(db, editor, assetId);
    await put(editor.caller, `/api/assets/${assetId}/approvers`, { userIds: [reviewer.user.id] });
    await decide(reviewer, v2, 'approved');
    await put(editor.caller, `/api/versions/${v2}/carried-over/${note}/addressed`);
    expect((await owner.caller.delete(`/api/assets/${assetId}`)).status).toBe(204);
    expect((await owner.caller.delete(`/api/deleted-assets/${assetId}`)).status).toBe(204);
    const [left] = await db.query(
      `SELECT (SELECT count(*) FROM decisions WHERE asset_id = $1) AS decisions,
              (SELECT count(*) FROM approver_lists WHERE asset_id = $1) AS lists,
              (SELECT count(*) FROM addressed_comments WHERE version_id = $2) AS addressed`,
      [assetId, v2],
    );
    expect(left).toEqual({ decisions: '0', lists: '0', addressed: '0' });
  });
});
