import { randomBytes } from 'node:crypto';
import { type Caller, type SignedIn, signUp } from './http-client.js';
import { type Ids, type Matrix, PASSWORD, type Row } from './matrix-fixture.js';
import { tusCreate } from './tus.js';

/** Covered by uploads.int-spec.ts: only the person who started an upload may touch it. */
export const TUS_SESSION_ROUTES = [
  'HEAD /api/uploads/{uploadId}',
  'PATCH /api/uploads/{uploadId}',
  'DELETE /api/uploads/{uploadId}',
];

/** Every route of the OpenAPI document but the tus session's, with what each principal gets. */
export function routeTable(m: Matrix): Row[] {
  const { fx, people, base, freshSession, newProject, newAsset, newVersion } = m;
  const tusSend =
    (target: 'projectId' | 'assetId') =>
    async (caller: Caller, ids: Ids): Promise<{ status: number; body: unknown }> =>
      tusCreate(
        caller,
        10,
        target === 'projectId'
          ? { filename: 'sweep.mov', projectId: ids.projectId, assetName: 'Uploaded in the sweep' }
          : { filename: 'sweep.mov', assetId: ids.assetId },
      );

  const deletedAsset = async (who: SignedIn) => {
    const assetId = await newAsset(who);
    await who.caller.delete(`/api/assets/${assetId}`);
    return assetId;
  };

  // Every row: expect: [owner, editor, reviewer, viewer, outsider, anonymous]
  return [
    // Public, and the caller's own session.
    { route: 'GET /api/health', expect: [200, 200, 200, 200, 200, 200] },
    { route: 'GET /api/ready', expect: [200, 200, 200, 200, 200, 200] },
    {
      route: 'POST /api/auth/register',
      expect: [201, 201, 201, 201, 201, 201],
      body: () => ({
        email: `newcomer-${randomBytes(4).toString('hex')}@example.org`,
        password: PASSWORD,
        displayName: 'Newcomer',
      }),
    },
    {
      route: 'POST /api/auth/login',
      expect: [200, 200, 200, 200, 200, 200],
      body: () => ({ email: m.bystander.user.email, password: PASSWORD }),
    },
    {
      route: 'POST /api/auth/logout',
      // Signing out is idempotent: without a session there is nothing to end, and it says so with 204.
      expect: [204, 204, 204, 204, 204, 204],
      // Signs out a second session, so the principal's own stays for the rows after.
      spare: async (who) => ({ caller: await freshSession(who) }),
    },
    { route: 'GET /api/auth/me', expect: [200, 200, 200, 200, 200, 401] },

    // Projects and members.
    { route: 'GET /api/projects', expect: [200, 200, 200, 200, 200, 401] },
    {
      route: 'POST /api/projects',
      expect: [201, 201, 201, 201, 201, 401],
      body: () => ({ name: 'Side project' }),
    },
    { route: 'GET /api/projects/{projectId}', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PATCH /api/projects/{projectId}',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ name: fx.projectName }),
    },
    {
      route: 'DELETE /api/projects/{projectId}',
      expect: [204, 403, 403, 403, 404, 401],
      spare: async (who) => ({ projectId: await newProject(who) }),
    },
    { route: 'GET /api/projects/{projectId}/members', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'POST /api/projects/{projectId}/members',
      expect: [201, 403, 403, 403, 404, 401],
      body: () => ({ email: m.bystander.user.email, role: 'viewer' }),
      spare: async (who) => ({ projectId: await newProject(who) }),
    },
    {
      route: 'PATCH /api/projects/{projectId}/members/{userId}',
      note: ' (the viewer, to the role they have)',
      expect: [200, 403, 403, 403, 404, 401],
      body: () => ({ role: 'viewer' }),
    },
    {
      route: 'DELETE /api/projects/{projectId}/members/{userId}',
      note: ' (someone else: the owner, or for the owner a newcomer)',
      expect: [204, 403, 403, 403, 404, 401],
      ids: () => ({ userId: people.owner.user.id }),
      spare: async (who) => {
        const newcomer = await signUp(base(), 'Short Stay');
        await who.caller.post(`/api/projects/${fx.projectId}/members`, {
          email: newcomer.user.email,
          role: 'viewer',
        });
        return { userId: newcomer.user.id };
      },
    },

    // Assets and versions.
    { route: 'GET /api/projects/{projectId}/assets', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'POST /api/projects/{projectId}/assets',
      expect: [201, 201, 403, 403, 404, 401],
      body: () => ({ name: 'Extra cut' }),
    },
    { route: 'GET /api/assets/{assetId}', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PATCH /api/assets/{assetId}',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ name: fx.assetName }),
    },
    {
      // To a project where all four are editors or owners: the cut's own project decides.
      route: 'POST /api/assets/{assetId}/move',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ projectId: fx.moveTargetId }),
      spare: async (who) => ({ assetId: await newAsset(who) }),
    },
    {
      route: 'DELETE /api/assets/{assetId}',
      expect: [204, 204, 403, 403, 404, 401],
      spare: async (who) => ({ assetId: await newAsset(who) }),
    },
    {
      route: 'GET /api/projects/{projectId}/deleted-assets',
      expect: [200, 200, 403, 403, 404, 401],
    },
    {
      route: 'POST /api/deleted-assets/{assetId}/restore',
      note: ' (a cut in Recently deleted)',
      expect: [200, 200, 403, 403, 404, 401],
      spare: async (who) => ({ assetId: await deletedAsset(who) }),
    },
    {
      route: 'DELETE /api/deleted-assets/{assetId}',
      note: ' (a cut in Recently deleted)',
      expect: [204, 204, 403, 403, 404, 401],
      spare: async (who) => ({ assetId: await deletedAsset(who) }),
    },
    { route: 'GET /api/assets/{assetId}/versions', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/versions/{versionId}', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'DELETE /api/versions/{versionId}',
      note: ' (a second version of a spare cut)',
      expect: [204, 204, 403, 403, 404, 401],
      spare: async (who) => ({ versionId: await newVersion(who) }),
    },
    { route: 'GET /api/versions/{versionId}/media/{file}', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/versions/{versionId}/original', expect: [200, 200, 200, 200, 404, 401] },
    // The fixture's version is ready, not failed: those who may retry are told so (409).
    { route: 'POST /api/versions/{versionId}/retry', expect: [409, 409, 403, 403, 404, 401] },
    {
      route: 'GET /api/versions/{versionId}/frame-map',
      note: ' (to v1, both with signatures)',
      expect: [200, 200, 200, 200, 404, 401],
      send: (caller, ids) => caller.get(`/api/versions/${ids.versionId}/frame-map?to=${fx.v1}`),
    },
    {
      route: 'POST /api/uploads',
      note: ' (a new cut in the project)',
      expect: [201, 201, 403, 403, 404, 401],
      send: tusSend('projectId'),
    },
    {
      route: 'POST /api/uploads',
      note: ' (the next version of a cut)',
      expect: [201, 201, 403, 403, 404, 401],
      send: tusSend('assetId'),
      spare: async (who) => ({ assetId: await newAsset(who) }),
    },

    // Comments: the owner's note on v2 unless said otherwise.
    { route: 'GET /api/versions/{versionId}/comments', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'POST /api/versions/{versionId}/comments',
      expect: [201, 201, 201, 403, 404, 401],
      body: () => ({ body: 'A note from the sweep', frame: 3 }),
    },
    {
      route: 'PATCH /api/comments/{commentId}',
      note: ' (the owner’s note: only its author edits)',
      expect: [200, 403, 403, 403, 404, 401],
      body: () => ({ body: fx.noteOnV2Text }),
    },
    {
      route: 'DELETE /api/comments/{commentId}',
      note: ' (the owner’s note: its author or an owner)',
      expect: [204, 403, 403, 403, 404, 401],
      spare: async (who) => ({
        commentId: (await who.caller.post(`/api/versions/${fx.v2}/comments`, { body: 'Soon gone' })).body.id,
      }),
    },
    { route: 'POST /api/comments/{commentId}/resolve', expect: [200, 200, 403, 403, 404, 401] },
    { route: 'POST /api/comments/{commentId}/reopen', expect: [200, 200, 403, 403, 404, 401] },
    {
      route: 'POST /api/comments/{commentId}/reactions',
      expect: [200, 200, 200, 403, 404, 401],
      body: () => ({ emoji: '👍' }),
    },
    { route: 'DELETE /api/comments/{commentId}/reactions/{emoji}', expect: [200, 200, 200, 403, 404, 401] },

    // Approvals and rounds.
    {
      route: 'POST /api/versions/{versionId}/decisions',
      expect: [201, 201, 201, 403, 404, 401],
      body: () => ({ decision: 'approved' }),
    },
    { route: 'GET /api/versions/{versionId}/decisions', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/versions/{versionId}/approval', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/assets/{assetId}/approval', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/projects/{projectId}/approvals', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/projects/{projectId}/approvers', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/projects/{projectId}/approvers',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ userIds: [] }),
    },
    { route: 'GET /api/assets/{assetId}/approvers', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/assets/{assetId}/approvers',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ userIds: null }),
    },
    { route: 'GET /api/versions/{versionId}/carried-over', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/versions/{versionId}/carried-over/{commentId}/addressed',
      note: ' (the owner’s open note on v1)',
      expect: [200, 200, 403, 403, 404, 401],
      ids: () => ({ commentId: fx.noteOnV1 }),
    },
    {
      route: 'DELETE /api/versions/{versionId}/carried-over/{commentId}/addressed',
      note: ' (the owner’s open note on v1)',
      expect: [200, 200, 403, 403, 404, 401],
      ids: () => ({ commentId: fx.noteOnV1 }),
    },
    { route: 'GET /api/assets/{assetId}/rounds', expect: [200, 200, 200, 200, 404, 401] },
    // The rounds board: every member reads it; a project's only its members, "my work" everyone's own.
    { route: 'GET /api/projects/{projectId}/rounds', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/rounds', expect: [200, 200, 200, 200, 200, 401] },
    { route: 'GET /api/versions/{versionId}/due-date', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/assets/{assetId}/round-history', expect: [200, 200, 200, 200, 404, 401] },
    { route: 'GET /api/assets/{assetId}/live-sessions', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/versions/{versionId}/due-date',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ dueAt: '2030-06-01T17:00:00.000Z' }),
    },
    {
      route: 'PUT /api/assets/{assetId}/due-date',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ dueAt: '2030-06-02T17:00:00.000Z' }),
    },

    // Notes leave the browser: every member may export what they may read.
    { route: 'GET /api/versions/{versionId}/export/{format}', expect: [200, 200, 200, 200, 404, 401] },

    // Activity: each person's own feed.
    { route: 'GET /api/activity', expect: [200, 200, 200, 200, 200, 401] },
    { route: 'GET /api/activity/unread-count', expect: [200, 200, 200, 200, 200, 401] },
    {
      route: 'POST /api/activity/read',
      expect: [200, 200, 200, 200, 200, 401],
      body: () => ({ upTo: 'all' }),
    },
    {
      route: 'POST /api/activity/{itemId}/read',
      note: ' (an item of the owner’s feed)',
      expect: [200, 404, 404, 404, 404, 401],
    },

    // Each member's own notification level.
    { route: 'GET /api/projects/{projectId}/notification-settings', expect: [200, 200, 200, 200, 404, 401] },
    {
      route: 'PUT /api/projects/{projectId}/notification-settings',
      expect: [200, 200, 200, 200, 404, 401],
      body: () => ({ level: 'all' }),
    },

    // Invitations: owners invite; whoever holds an invitation's link opens and accepts it.
    {
      route: 'POST /api/projects/{projectId}/invitations',
      expect: [201, 403, 403, 403, 404, 401],
      body: () => ({ email: `sweep-${randomBytes(4).toString('hex')}@example.com`, role: 'viewer' }),
    },
    { route: 'GET /api/projects/{projectId}/invitations', expect: [200, 403, 403, 403, 404, 401] },
    {
      route: 'DELETE /api/projects/{projectId}/invitations/{invitationId}',
      expect: [204, 403, 403, 403, 404, 401],
      spare: async (who) => ({
        invitationId: (
          await who.caller.post(`/api/projects/${fx.projectId}/invitations`, {
            email: `spare-${randomBytes(4).toString('hex')}@example.com`,
            role: 'viewer',
          })
        ).body.invitation.id,
      }),
    },
    {
      route: 'GET /api/invitations/{token}',
      expect: [200, 200, 200, 200, 200, 200],
      ids: () => ({ token: fx.invitationToken }),
      linkHolder: true,
    },
    {
      route: 'POST /api/invitations/{token}/accept',
      note: ' (a fresh invitation to a throwaway project each time)',
      expect: [201, 201, 201, 201, 201, 201],
      send: async (caller) => {
        // Into a throwaway project: the fixture's members stay as they are.
        const projectId = await newProject(people.owner);
        const invited = await people.owner.caller.post(`/api/projects/${projectId}/invitations`, {
          email: `accept-${randomBytes(4).toString('hex')}@example.com`,
          role: 'viewer',
        });
        const token = (invited.body.invitation.link as string).split('/invite/')[1];
        return caller.post(`/api/invitations/${token}/accept`, {
          displayName: 'Ann Accepted',
          password: PASSWORD,
        });
      },
      linkHolder: true,
    },

    // Review links, and the guest's side of them.
    {
      route: 'POST /api/projects/{projectId}/links',
      expect: [201, 201, 403, 403, 404, 401],
      body: () => ({ permissions: ['view'] }),
    },
    { route: 'GET /api/projects/{projectId}/links', expect: [200, 200, 403, 403, 404, 401] },
    {
      route: 'POST /api/projects/{projectId}/links/{linkId}/revoke',
      expect: [200, 200, 403, 403, 404, 401],
      spare: async (who) => ({
        linkId: (await who.caller.post(`/api/projects/${fx.projectId}/links`, { permissions: ['view'] })).body
          .id,
      }),
    },
    { route: 'GET /api/projects/{projectId}/links/{linkId}/address', expect: [200, 200, 403, 403, 404, 401] },
    {
      route: 'PATCH /api/projects/{projectId}/links/{linkId}',
      expect: [200, 200, 403, 403, 404, 401],
      body: () => ({ permissions: ['view', 'comment'] }),
      spare: async (who) => ({
        linkId: (await who.caller.post(`/api/projects/${fx.projectId}/links`, { permissions: ['view'] })).body
          .id,
      }),
    },
    {
      route: 'POST /api/projects/{projectId}/links/{linkId}/enable',
      expect: [200, 200, 403, 403, 404, 401],
      spare: async (who) => ({
        linkId: (await who.caller.post(`/api/projects/${fx.projectId}/links`, { permissions: ['view'] })).body
          .id,
      }),
    },
    { route: 'GET /api/share', note: ' (members are not guests)', expect: [404, 404, 404, 404, 404, 401] },
    { route: 'GET /api/share/{token}', expect: [200, 200, 200, 200, 200, 200], linkHolder: true },
    {
      route: 'POST /api/share/{token}/guests',
      expect: [201, 201, 201, 201, 201, 201],
      body: () => ({ name: 'Passer-by' }),
      linkHolder: true,
    },
  ];
}
