import { randomUUID } from 'node:crypto';
import { type ApiProcess } from './support/api-process.js';
import { Caller, type Reply, type SignedIn } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { type TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';
import { type Role, comment, put } from './support/approvals.js';

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
      const allowed = (Object.keys(expected) as Role[]).filter((role) => expected[role] < 400);
      expect([refused.length > 0, allowed.length > 0]).toEqual([true, true]);
      const before = await stored();
      for (const role of refused) {
        const reply = await call(who[role]);
        expect([role, reply.status]).toEqual([role, expected[role]]);
        expect(reply.body).toMatchObject({ statusCode: expected[role], message: expect.any(String) });
        const text = JSON.stringify(reply.body);
        for (const secret of secrets) expect([role, text.includes(secret)]).toEqual([role, false]);
      }
      expect(await stored()).toEqual(before);
      for (const role of allowed) {
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
});
