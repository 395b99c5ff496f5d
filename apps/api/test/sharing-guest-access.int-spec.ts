import { Caller, type SignedIn } from './support/http-client.js';
import { readyNextVersion } from './support/review-fixture.js';
import { tusCreate } from './support/tus.js';
import { useSharingFixture } from './support/sharing-fixture.js';

describe('review links and guests', () => {
  const fx = useSharingFixture();
  const { server, anonymous, makeLink, join, guestWith } = fx;
  let owner: SignedIn;
  let editor: SignedIn;
  let viewer: SignedIn;
  let projectId: string;
  let shared: { assetId: string; versionId: string };
  let hidden: { assetId: string; versionId: string };
  let publicNoteId: string;
  let internalNoteId: string;

  beforeAll(() => {
    ({ owner, editor, viewer, projectId, shared, hidden, publicNoteId, internalNoteId } = fx);
  });

  describe('what a guest can see and do', () => {
    it('sees exactly the assets of the link, and no member e-mail anywhere', async () => {
      const guest = await guestWith(['view', 'comment', 'approve', 'download']);
      const home = await guest.caller.get('/api/share');
      expect(home.status).toBe(200);
      expect(home.body.project).toEqual({ id: projectId, name: 'Spring campaign' });
      expect(home.body.assets.map((a: { id: string }) => a.id)).toEqual([shared.assetId]);
      const reads = [
        '/api/share',
        `/api/assets/${shared.assetId}`,
        `/api/assets/${shared.assetId}/versions`,
        `/api/versions/${shared.versionId}`,
        `/api/versions/${shared.versionId}/comments`,
        `/api/versions/${shared.versionId}/decisions`,
        `/api/versions/${shared.versionId}/approval`,
        `/api/assets/${shared.assetId}/approval`,
        // Rounds only through a link that shows the team's activity: sharing-guest-view.int-spec.ts.
        `/api/versions/${shared.versionId}/carried-over`,
        '/api/auth/me',
      ];
      for (const route of reads) {
        const reply = await guest.caller.get(route);
        expect([route, reply.status]).toEqual([route, 200]);
        expect(JSON.stringify(reply.body)).not.toMatch(/@example\.com/);
      }
    });

    it('never sees an internal note, in the list, by id, as a parent, or in a round', async () => {
      const guest = await guestWith(['view', 'comment']);
      const list = await guest.caller.get(`/api/versions/${shared.versionId}/comments`);
      const ids = list.body.comments.map((c: { id: string }) => c.id);
      expect(ids).toContain(publicNoteId);
      expect(ids).not.toContain(internalNoteId);
      expect(JSON.stringify(list.body)).not.toContain('Client will hate this');
      // Members still see it.
      const memberIds = (
        await viewer.caller.get(`/api/versions/${shared.versionId}/comments`)
      ).body.comments.map((c: { id: string }) => c.id);
      expect(memberIds).toContain(internalNoteId);

      expect((await guest.caller.patch(`/api/comments/${internalNoteId}`, { body: 'x' })).status).toBe(404);
      expect(
        (await guest.caller.post(`/api/comments/${internalNoteId}/reactions`, { emoji: '👍' })).status,
      ).toBe(404);
      const reply = await guest.caller.post(`/api/versions/${shared.versionId}/comments`, {
        body: 'Replying to what I cannot see',
        parentId: internalNoteId,
      });
      expect(reply.status).toBe(400);

      const next = await readyNextVersion(server.db, editor, shared.assetId);
      const carried = await guest.caller.get(`/api/versions/${next.versionId}/carried-over`);
      const carriedIds = carried.body.comments.map((c: { comment: { id: string } }) => c.comment.id);
      expect(carriedIds).toContain(publicNoteId);
      expect(carriedIds).not.toContain(internalNoteId);
      const memberCarried = await editor.caller.get(`/api/versions/${next.versionId}/carried-over`);
      expect(memberCarried.body.comments).toHaveLength(carried.body.comments.length + 1);
      expect(
        (
          await guest.caller.request(
            'PUT',
            `/api/versions/${next.versionId}/carried-over/${internalNoteId}/addressed`,
          )
        ).status,
      ).toBe(404);
      shared = { assetId: shared.assetId, versionId: next.versionId };
    });

    it('comments and decides only as the link allows, under "Name (guest)"', async () => {
      const viewOnly = await guestWith(['view'], 'Vera');
      const commenter = await guestWith(['view', 'comment'], 'Cora');
      const approver = await guestWith(['view', 'approve'], 'Abe');
      const note = { body: 'Logo is too small', frame: 5 };
      const url = `/api/versions/${shared.versionId}/comments`;

      expect((await viewOnly.caller.post(url, note)).status).toBe(403);
      expect((await approver.caller.post(url, note)).status).toBe(403);
      const posted = await commenter.caller.post(url, note);
      expect(posted.status).toBe(201);
      expect(posted.body.author.displayName).toBe('Cora (guest)');
      expect((await commenter.caller.post(url, { ...note, internal: true })).status).toBe(403);
      expect(
        (await commenter.caller.patch(`/api/comments/${posted.body.id}`, { internal: true })).status,
      ).toBe(403);
      expect(
        (await commenter.caller.patch(`/api/comments/${posted.body.id}`, { body: 'Logo a bit bigger' }))
          .status,
      ).toBe(200);
      // A guest resolves their own note, but not a member's.
      expect((await commenter.caller.post(`/api/comments/${posted.body.id}/resolve`)).status).toBe(200);
      expect((await commenter.caller.post(`/api/comments/${publicNoteId}/resolve`)).status).toBe(403);

      const decisions = `/api/versions/${shared.versionId}/decisions`;
      expect((await viewOnly.caller.post(decisions, { decision: 'approved' })).status).toBe(403);
      expect((await commenter.caller.post(decisions, { decision: 'approved' })).status).toBe(403);
      const decided = await approver.caller.post(decisions, { decision: 'approved', note: 'Good to go' });
      expect(decided.status).toBe(201);
      expect(decided.body.decision.decidedBy.displayName).toBe('Abe (guest)');
      // With nobody named to approve, a guest's approval moves the cut.
      const state = await owner.caller.get(`/api/assets/${shared.assetId}/approval`);
      expect(state.body).toMatchObject({ rule: 'anyone', state: 'approved', approvedCount: 1 });
      expect(state.body.decisions[0].decidedBy.displayName).toBe('Abe (guest)');
      // Turning the link off later leaves what they decided in the state (link-lifecycle.int-spec.ts).
      await editor.caller.post(`/api/projects/${projectId}/links/${approver.linkId}/revoke`);
      const after = await owner.caller.get(`/api/assets/${shared.assetId}/approval`);
      expect(after.body).toMatchObject({ state: 'approved', approvedCount: 1 });
      const history = await owner.caller.get(decisions);
      expect(history.body.decisions[0]).toMatchObject({
        decision: 'approved',
        decidedBy: { displayName: 'Abe (guest)' },
      });
    });

    it('plays media of the link’s assets and downloads the original only with "download"', async () => {
      const watcher = await guestWith(['view']);
      const downloader = await guestWith(['view', 'download']);
      const poster = (versionId: string) => `/api/versions/${versionId}/media/poster.jpg`;
      const firstVersion = (
        await owner.caller.get(`/api/assets/${shared.assetId}/versions`)
      ).body.versions.at(-1).id;
      expect((await watcher.caller.get(poster(firstVersion))).status).toBe(200);
      expect((await watcher.caller.get(poster(hidden.versionId))).status).toBe(404);
      expect((await watcher.caller.get(`/api/versions/${shared.versionId}/original`)).status).toBe(403);
      expect((await downloader.caller.get(`/api/versions/${shared.versionId}/original`)).status).toBe(200);
      expect((await downloader.caller.get(`/api/versions/${hidden.versionId}/original`)).status).toBe(404);
    });
  });

  describe('the authorisation matrix: every route, every kind of guest', () => {
    /** Routes a guest may call; everything else answers 403 to any guest. */
    const guestRoutes = new Set([
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'GET /api/share',
      'GET /api/assets/{assetId}',
      'GET /api/assets/{assetId}/versions',
      'GET /api/versions/{versionId}',
      'GET /api/versions/{versionId}/media/{file}',
      'GET /api/versions/{versionId}/original',
      // Only with ?to= a version the guest may see too: frame-map-access.int-spec.ts.
      'GET /api/versions/{versionId}/frame-map',
      'GET /api/versions/{versionId}/comments',
      'POST /api/versions/{versionId}/comments',
      'PATCH /api/comments/{commentId}',
      'DELETE /api/comments/{commentId}',
      'POST /api/comments/{commentId}/resolve',
      'POST /api/comments/{commentId}/reopen',
      'POST /api/comments/{commentId}/reactions',
      'DELETE /api/comments/{commentId}/reactions/{emoji}',
      'POST /api/versions/{versionId}/decisions',
      'GET /api/versions/{versionId}/decisions',
      'GET /api/versions/{versionId}/approval',
      'GET /api/assets/{assetId}/approval',
      'GET /api/versions/{versionId}/carried-over',
      'PUT /api/versions/{versionId}/carried-over/{commentId}/addressed',
      'DELETE /api/versions/{versionId}/carried-over/{commentId}/addressed',
      'GET /api/assets/{assetId}/rounds',
      // Past live sessions: an empty list unless the link shows the team (live-session-log.int-spec.ts).
      'GET /api/assets/{assetId}/live-sessions',
      // Only with "download": exports-access.int-spec.ts has each permission's answer.
      'GET /api/versions/{versionId}/export/{format}',
    ]);
    const publicRoutes = new Set([
      'GET /api/health',
      'GET /api/ready',
      'POST /api/auth/register',
      'POST /api/auth/login',
      // Signing out is idempotent: 204 with or without a live session.
      'POST /api/auth/logout',
      'GET /api/share/{token}',
      'POST /api/share/{token}/guests',
      // Whoever holds an invitation's link: a guest is no different.
      'GET /api/invitations/{token}',
      'POST /api/invitations/{token}/accept',
    ]);
    const bodies: Record<string, unknown> = {
      'POST /api/projects': { name: 'Guest project' },
      'PATCH /api/projects/{projectId}': { name: 'Renamed by a guest' },
      'POST /api/projects/{projectId}/members': { email: 'x@example.com', role: 'viewer' },
      'PATCH /api/projects/{projectId}/members/{userId}': { role: 'owner' },
      'POST /api/projects/{projectId}/assets': { name: 'Sneaky' },
      'PATCH /api/assets/{assetId}': { name: 'Sneaky' },
      'POST /api/assets/{assetId}/move': { projectId: '00000000-0000-4000-8000-000000000000' },
      'POST /api/versions/{versionId}/comments': { body: 'hello' },
      'PATCH /api/comments/{commentId}': { body: 'edited' },
      'POST /api/comments/{commentId}/reactions': { emoji: '👍' },
      'POST /api/versions/{versionId}/decisions': { decision: 'approved' },
      'PUT /api/projects/{projectId}/approvers': { userIds: [] },
      'PUT /api/assets/{assetId}/approvers': { userIds: [] },
      'PATCH /api/projects/{projectId}/links/{linkId}': { permissions: ['view', 'download'] },
      'POST /api/activity/read': {},
      'POST /api/projects/{projectId}/links': { permissions: ['view'] },
    };

    async function allRoutes(): Promise<string[]> {
      const doc = (await anonymous().get('/api/docs-json')).body;
      return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
        ([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
      );
    }

    function fill(route: string, ids: { assetId: string; versionId: string; commentId: string }): string {
      return route
        .replace('{projectId}', projectId)
        .replace('{assetId}', ids.assetId)
        .replace('{versionId}', ids.versionId)
        .replace('{commentId}', ids.commentId)
        .replace('{userId}', owner.user.id)
        .replace('{linkId}', '00000000-0000-4000-8000-000000000000')
        .replace('{invitationId}', '00000000-0000-4000-8000-000000000000')
        .replace('{itemId}', '1')
        .replace('{emoji}', encodeURIComponent('👍'))
        .replace('{file}', 'poster.jpg')
        .replace('{format}', 'csv')
        .replace('{uploadId}', 'abc')
        .replace('{token}', 'x');
    }

    async function call(caller: Caller, route: string, ids: Parameters<typeof fill>[1]): Promise<number> {
      const [method, template] = route.split(' ');
      const body =
        bodies[route] ?? (method === 'GET' || method === 'HEAD' || method === 'DELETE' ? undefined : {});
      const headers: Record<string, string> = template.startsWith('/api/uploads')
        ? { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' }
        : {};
      return (await caller.request(method, fill(template, ids), body, headers)).status;
    }

    it('refuses a guest every route not meant for guests, whatever the link grants', async () => {
      const routes = await allRoutes();
      expect(routes.length).toBeGreaterThan(50);
      for (const permissions of [['view'], ['view', 'comment'], ['view', 'approve'], ['view', 'download']]) {
        const guest = await guestWith(permissions);
        const ids = { ...shared, commentId: publicNoteId };
        const closed = routes.filter(
          (r) => !guestRoutes.has(r) && !publicRoutes.has(r) && !r.includes('/api/uploads'),
        );
        expect(closed.length).toBeGreaterThan(0);
        for (const route of closed) {
          const status = await call(guest.caller, route, ids);
          expect([permissions.join('+'), route, status]).toEqual([permissions.join('+'), route, 403]);
        }
      }
      // Nothing was changed by any of it.
      const project = await owner.caller.get(`/api/projects/${projectId}`);
      expect(project.body.name).toBe('Spring campaign');
      expect((await owner.caller.get(`/api/projects/${projectId}/members`)).body.members).toHaveLength(4);
      expect((await owner.caller.get(`/api/versions/${shared.versionId}`)).status).toBe(200);
    });

    it('answers 404 to a guest on every guest route for an asset their link does not show', async () => {
      const guest = await guestWith(['view', 'comment', 'approve', 'download']);
      const ids = { ...hidden, commentId: internalNoteId };
      const scoped = [...guestRoutes].filter((r) => /\{(assetId|versionId|commentId)\}/.test(r));
      expect(scoped.length).toBeGreaterThan(0);
      for (const route of scoped) {
        const status = await call(guest.caller, route, ids);
        expect([route, status]).toEqual([route, [400, 404].includes(status) ? status : 404]);
      }
    });

    it('shuts every route to guests of a revoked or expired link, and the tus upload too', async () => {
      const revokedLink = await makeLink(editor, {
        assetIds: [shared.assetId],
        permissions: ['view', 'comment'],
      });
      const expiringLink = await makeLink(editor, {
        assetIds: [shared.assetId],
        permissions: ['view', 'comment'],
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      const fromRevoked = await join(revokedLink.body.token, 'Rex');
      const fromExpired = await join(expiringLink.body.token, 'Ezra');
      expect((await fromRevoked.caller.get('/api/share')).status).toBe(200);
      expect((await fromExpired.caller.get('/api/share')).status).toBe(200);
      await owner.caller.post(`/api/projects/${projectId}/links/${revokedLink.body.id}/revoke`);
      await server.db.query(
        `UPDATE review_links SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [expiringLink.body.id],
      );
      const ids = { ...shared, commentId: publicNoteId };
      // tus checks its own headers before the session; its creation is probed below.
      const closed = (await allRoutes()).filter((r) => !publicRoutes.has(r) && !r.includes('/api/uploads'));
      expect(closed.length).toBeGreaterThan(0);
      for (const guest of [fromRevoked, fromExpired]) {
        for (const route of closed) {
          const status = await call(guest.caller, route, ids);
          expect([guest.user.displayName, route, status]).toEqual([guest.user.displayName, route, 401]);
        }
      }
      const upload = await tusCreate(fromRevoked.caller, 10, { filename: 'x.mov', assetId: shared.assetId });
      expect(upload.status).toBe(401);
    });

    it('lets no guest upload a version, even with every permission', async () => {
      const guest = await guestWith(['view', 'comment', 'approve', 'download']);
      const upload = await tusCreate(guest.caller, 10, { filename: 'x.mov', assetId: shared.assetId });
      expect([403, 404]).toContain(upload.status);
      const asProject = await tusCreate(guest.caller, 10, { filename: 'x.mov', projectId });
      expect([403, 404]).toContain(asProject.status);
    });
  });
});
