import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Caller, type Reply, type SignedIn } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { runBuilt } from './support/api-process.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { useTestServer } from './support/test-server.js';
import { tusCreate } from './support/tus.js';

interface Guest {
  caller: Caller;
  linkId?: string;
  token: string;
  user: { id: string; displayName: string; email: string | null };
}

const PASSWORD = 'open sesame';

describe('review links and guests', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let projectId: string;
  /** Shown by the links below. */
  let shared: { assetId: string; versionId: string };
  /** In the same project, shown by no asset link. */
  let hidden: { assetId: string; versionId: string };
  let publicNoteId: string;
  let internalNoteId: string;

  const base = () => server.api.baseUrl;
  const anonymous = () => new Caller(base());

  async function makeLink(who: SignedIn, body: object): Promise<Reply> {
    return who.caller.post(`/api/projects/${projectId}/links`, body);
  }

  async function join(token: string, name: string, extra: object = {}): Promise<Guest> {
    const reply = await anonymous().post(`/api/share/${token}/guests`, { name, ...extra });
    expect(reply.status).toBe(201);
    return {
      caller: new Caller(base(), { token: reply.body.token }),
      token: reply.body.token,
      user: reply.body.user,
    };
  }

  async function guestWith(permissions: string[], name = 'Gwen'): Promise<Guest> {
    const link = await makeLink(editor, { assetIds: [shared.assetId], permissions });
    expect(link.status).toBe(201);
    return { ...(await join(link.body.token, name)), linkId: link.body.id };
  }

  beforeAll(async () => {
    ({ owner, editor, reviewer, viewer, outsider, projectId } = await signUpTeam(base(), 'Spring campaign'));
    shared = await readyVersion(server.db, editor, projectId);
    hidden = await readyVersion(server.db, editor, projectId);
    for (const { versionId } of [shared, hidden]) {
      const dir = path.join(server.dataDir, 'media', 'versions', versionId);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'poster.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    }
    publicNoteId = (
      await reviewer.caller.post(`/api/versions/${shared.versionId}/comments`, {
        body: 'Warmer grade here',
        frame: 10,
      })
    ).body.id;
    internalNoteId = (
      await editor.caller.post(`/api/versions/${shared.versionId}/comments`, {
        body: 'Client will hate this — fix before they notice',
        frame: 12,
        internal: true,
      })
    ).body.id;
  });

  describe('making, listing and revoking links', () => {
    it('only editors and owners make links; others are refused and outsiders do not learn the project exists', async () => {
      const body = { assetIds: [shared.assetId], permissions: ['view', 'comment'] };
      expect((await makeLink(owner, body)).status).toBe(201);
      expect((await makeLink(editor, body)).status).toBe(201);
      expect((await makeLink(reviewer, body)).status).toBe(403);
      expect((await makeLink(viewer, body)).status).toBe(403);
      expect((await makeLink(outsider, body)).status).toBe(404);
      expect((await anonymous().post(`/api/projects/${projectId}/links`, body)).status).toBe(401);
      for (const who of [reviewer, viewer]) {
        expect((await who.caller.get(`/api/projects/${projectId}/links`)).status).toBe(403);
      }
      expect((await outsider.caller.get(`/api/projects/${projectId}/links`)).status).toBe(404);
    });

    it('stores only a hash of the token, and gives the token once', async () => {
      const made = await makeLink(editor, { permissions: ['view'], label: 'For the agency' });
      expect(made.body).toMatchObject({
        label: 'For the agency',
        assetIds: null,
        permissions: ['view'],
        hasPassword: false,
        status: 'active',
        path: `/share/${made.body.token}`,
      });
      const [row] = await server.db.query<{ token_hash: string; password_hash: string | null }>(
        `SELECT token_hash, password_hash FROM review_links WHERE id = $1`,
        [made.body.id],
      );
      expect(row.token_hash).toBe(createHash('sha256').update(made.body.token).digest('hex'));
      const listed = (await editor.caller.get(`/api/projects/${projectId}/links`)).body.links;
      const mine = listed.find((link: { id: string }) => link.id === made.body.id);
      expect(mine).toBeDefined();
      expect(JSON.stringify(listed)).not.toContain(made.body.token);
    });

    it('hashes a link password with argon2id', async () => {
      const made = await makeLink(owner, { permissions: ['view'], password: PASSWORD });
      expect(made.body.hasPassword).toBe(true);
      const [row] = await server.db.query<{ password_hash: string }>(
        `SELECT password_hash FROM review_links WHERE id = $1`,
        [made.body.id],
      );
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('refuses a link password a stranger would guess, naming the field, and makes no link', async () => {
      const before = (await editor.caller.get(`/api/projects/${projectId}/links`)).body.links.length;
      for (const password of ['1234', 'aaaa', 'password', '12345678', ' password ']) {
        const refused = await makeLink(editor, { permissions: ['view'], password });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
        expect(refused.body.requestId).toEqual(expect.any(String));
        expect([...new Set(refused.body.fields.map((f: { path: string }) => f.path))]).toEqual(['password']);
        expect(refused.body.message).toContain('password');
      }
      expect((await editor.caller.get(`/api/projects/${projectId}/links`)).body.links).toHaveLength(before);
    });

    it('refuses assets of another project, an expiry in the past, and unknown permissions', async () => {
      const otherProject = (await editor.caller.post('/api/projects', { name: 'Elsewhere' })).body.id;
      const elsewhere = await readyVersion(server.db, editor, otherProject);
      const foreign = await makeLink(editor, { assetIds: [elsewhere.assetId], permissions: ['view'] });
      expect(foreign.status).toBe(400);
      expect(foreign.body.code).toBe('assets_elsewhere');
      const past = await makeLink(editor, {
        permissions: ['view'],
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
      expect(past.status).toBe(400);
      const bogus = await makeLink(editor, { permissions: ['view', 'delete-everything'] });
      expect(bogus.status).toBe(400);
      expect(bogus.body.fields[0].path).toMatch(/^permissions/);
    });

    it('lists each link with its guests and last use', async () => {
      const made = await makeLink(editor, { assetIds: [shared.assetId], permissions: ['view'] });
      await join(made.body.token, 'Lena', { email: 'lena@client.example' });
      const link = (await owner.caller.get(`/api/projects/${projectId}/links`)).body.links.find(
        (l: { id: string }) => l.id === made.body.id,
      );
      expect(link).toMatchObject({ guestCount: 1, status: 'active', assetIds: [shared.assetId] });
      expect(link.guests).toEqual([
        {
          id: expect.any(String),
          displayName: 'Lena (guest)',
          email: 'lena@client.example',
          joinedAt: expect.any(String),
        },
      ]);
      expect(Date.parse(link.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  describe('opening a link', () => {
    it('shows an open link to anyone holding it, but a password link shows nothing before the password', async () => {
      const open = await makeLink(editor, { assetIds: [shared.assetId], permissions: ['view', 'approve'] });
      const info = await anonymous().get(`/api/share/${open.body.token}`);
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({
        needsPassword: false,
        projectName: 'Spring campaign',
        sharedBy: 'Eddie Editor',
        permissions: ['view', 'approve'],
      });
      const locked = await makeLink(editor, { permissions: ['view'], password: PASSWORD });
      const lockedInfo = await anonymous().get(`/api/share/${locked.body.token}`);
      expect(lockedInfo.body).toEqual({ linkId: locked.body.id, needsPassword: true, expiresAt: null });
    });

    it('lets a guest in only with the right password', async () => {
      const locked = await makeLink(editor, { permissions: ['view', 'comment'], password: PASSWORD });
      const url = `/api/share/${locked.body.token}/guests`;
      const none = await anonymous().post(url, { name: 'Pat' });
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('password_required');
      const wrong = await anonymous().post(url, { name: 'Pat', password: 'open barley' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('wrong_password');
      const right = await anonymous().post(url, {
        name: 'Pat',
        email: 'pat@client.example',
        password: PASSWORD,
      });
      expect(right.status).toBe(201);
      expect(right.body.user).toMatchObject({ displayName: 'Pat (guest)', email: null });
      expect(right.headers.get('set-cookie')).toMatch(/cutroom_session=.+HttpOnly/i);
      const me = await new Caller(base(), { token: right.body.token }).get('/api/auth/me');
      expect(me.body.guest).toMatchObject({ projectId, permissions: ['view', 'comment'] });
    });

    it('answers an unknown or revoked link with 404 and an expired one with 410', async () => {
      expect((await anonymous().get(`/api/share/${randomBytes(32).toString('base64url')}`)).status).toBe(404);
      expect((await anonymous().get('/api/share/not-a-token')).status).toBe(404);
      const revoked = await makeLink(editor, { permissions: ['view'] });
      const turnedOff = await editor.caller.post(
        `/api/projects/${projectId}/links/${revoked.body.id}/revoke`,
      );
      expect(turnedOff.body.status).toBe('revoked');
      expect((await anonymous().get(`/api/share/${revoked.body.token}`)).status).toBe(404);
      expect(
        (await anonymous().post(`/api/share/${revoked.body.token}/guests`, { name: 'Late' })).status,
      ).toBe(404);

      const expiring = await makeLink(editor, {
        permissions: ['view'],
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      });
      await server.db.query(
        `UPDATE review_links SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [expiring.body.id],
      );
      const expired = await anonymous().get(`/api/share/${expiring.body.token}`);
      expect(expired.status).toBe(410);
      expect(expired.body.message).toMatch(/expired/);
      expect(
        (await anonymous().post(`/api/share/${expiring.body.token}/guests`, { name: 'Late' })).status,
      ).toBe(410);
    });
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
        `/api/assets/${shared.assetId}/rounds`,
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
      // With nobody named to approve, a guest's approval moves the cut — while their link lives.
      const state = await owner.caller.get(`/api/assets/${shared.assetId}/approval`);
      expect(state.body).toMatchObject({ rule: 'anyone', state: 'approved', approvedCount: 1 });
      expect(state.body.decisions[0].decidedBy.displayName).toBe('Abe (guest)');
      await editor.caller.post(`/api/projects/${projectId}/links/${approver.linkId}/revoke`);
      const after = await owner.caller.get(`/api/assets/${shared.assetId}/approval`);
      expect(after.body).toMatchObject({ state: 'in_review', approvedCount: 0 });
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
    ]);
    const publicRoutes = new Set([
      'GET /api/health',
      'POST /api/auth/register',
      'POST /api/auth/login',
      // Signing out is idempotent: 204 with or without a live session.
      'POST /api/auth/logout',
      'GET /api/share/{token}',
      'POST /api/share/{token}/guests',
    ]);
    const bodies: Record<string, unknown> = {
      'POST /api/projects': { name: 'Guest project' },
      'PATCH /api/projects/{projectId}': { name: 'Renamed by a guest' },
      'POST /api/projects/{projectId}/members': { email: 'x@example.com', role: 'viewer' },
      'PATCH /api/projects/{projectId}/members/{userId}': { role: 'owner' },
      'POST /api/projects/{projectId}/assets': { name: 'Sneaky' },
      'PATCH /api/assets/{assetId}': { name: 'Sneaky' },
      'POST /api/versions/{versionId}/comments': { body: 'hello' },
      'PATCH /api/comments/{commentId}': { body: 'edited' },
      'POST /api/comments/{commentId}/reactions': { emoji: '👍' },
      'POST /api/versions/{versionId}/decisions': { decision: 'approved' },
      'PUT /api/projects/{projectId}/approvers': { userIds: [] },
      'PUT /api/assets/{assetId}/approvers': { userIds: [] },
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
        .replace('{itemId}', '1')
        .replace('{emoji}', encodeURIComponent('👍'))
        .replace('{file}', 'poster.jpg')
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
        for (const route of closed) {
          const status = await call(guest.caller, route, ids);
          expect([permissions.join('+'), route, status]).toEqual([permissions.join('+'), route, 403]);
        }
      }
      // Nothing was changed by any of it.
      const project = await owner.caller.get(`/api/projects/${projectId}`);
      expect(project.body.name).toBe('Spring campaign');
      expect((await owner.caller.get(`/api/projects/${projectId}/members`)).body.members).toHaveLength(4);
    });

    it('answers 404 to a guest on every guest route for an asset their link does not show', async () => {
      const guest = await guestWith(['view', 'comment', 'approve', 'download']);
      const ids = { ...hidden, commentId: internalNoteId };
      for (const route of [...guestRoutes].filter((r) => /\{(assetId|versionId|commentId)\}/.test(r))) {
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
      for (const guest of [fromRevoked, fromExpired]) {
        // tus checks its own headers before the session; its creation is probed below.
        for (const route of (await allRoutes()).filter(
          (r) => !publicRoutes.has(r) && !r.includes('/api/uploads'),
        )) {
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

  it('deleting a project takes its links, its guests and their notes and decisions with it', async () => {
    const doomedProject = (await owner.caller.post('/api/projects', { name: 'Short-lived' })).body.id;
    const cut = await readyVersion(server.db, owner, doomedProject);
    const link = await owner.caller.post(`/api/projects/${doomedProject}/links`, {
      assetIds: [cut.assetId],
      permissions: ['view', 'comment', 'approve'],
    });
    const guest = await join(link.body.token, 'Dora');
    expect(
      (await guest.caller.post(`/api/versions/${cut.versionId}/comments`, { body: 'Nice' })).status,
    ).toBe(201);
    expect(
      (await guest.caller.post(`/api/versions/${cut.versionId}/decisions`, { decision: 'approved' })).status,
    ).toBe(201);
    expect((await owner.caller.delete(`/api/projects/${doomedProject}`)).status).toBe(204);
    expect((await guest.caller.get('/api/share')).status).toBe(401);
    expect((await anonymous().get(`/api/share/${link.body.token}`)).status).toBe(404);
    const left = await server.db.query<{ count: string }>(
      `SELECT count(*) FROM users WHERE guest_link_id = $1`,
      [link.body.id],
    );
    expect(left[0].count).toBe('0');
  });

  describe('live, over the socket', () => {
    it('a guest joins only the link’s assets and never hears of an internal note', async () => {
      const guest = await guestWith(['view', 'comment'], 'Sol');
      const guestSocket = await connectSocket(base(), guest.token);
      const memberSocket = await connectSocket(base(), viewer.token);
      try {
        const joined = await emitWithAck(guestSocket.socket, 'asset:join', {
          assetId: shared.assetId,
          afterSeq: 0,
        });
        expect(joined.ok).toBe(true);
        expect(JSON.stringify(joined.events)).not.toContain('Client will hate this');
        expect(joined.events.length).toBeGreaterThan(0);
        expect(
          (await emitWithAck(guestSocket.socket, 'asset:join', { assetId: hidden.assetId })).error.statusCode,
        ).toBe(404);
        expect((await emitWithAck(guestSocket.socket, 'project:join', { projectId })).ok).toBe(false);
        await emitWithAck(memberSocket.socket, 'asset:join', { assetId: shared.assetId });

        await editor.caller.post(`/api/versions/${shared.versionId}/comments`, {
          body: 'Team only',
          internal: true,
        });
        await editor.caller.post(`/api/versions/${shared.versionId}/comments`, { body: 'For everyone' });
        await waitFor(() => memberSocket.events.some((e) => e.payload.comment?.body === 'For everyone'));
        await waitFor(() => guestSocket.events.some((e) => e.payload.comment?.body === 'For everyone'));
        expect(memberSocket.events.some((e) => e.payload.comment?.body === 'Team only')).toBe(true);
        expect(guestSocket.events.some((e) => e.payload.comment?.body === 'Team only')).toBe(false);

        const created = await emitWithAck(guestSocket.socket, 'comment:create', {
          versionId: shared.versionId,
          comment: { body: 'From the socket', frame: 3 },
        });
        expect(created.ok).toBe(true);
        expect(created.comment.author.displayName).toBe('Sol (guest)');
        await waitFor(() => memberSocket.events.some((e) => e.payload.comment?.body === 'From the socket'));
      } finally {
        guestSocket.socket.close();
        memberSocket.socket.close();
      }
    });

    it('a guest of a whole-project link follows the project live and hears of a new cut, but no internal note', async () => {
      const link = await makeLink(editor, { permissions: ['view', 'comment'] });
      const guest = await join(link.body.token, 'Pia');
      expect((await guest.caller.get('/api/share')).body.allAssets).toBe(true);
      const guestSocket = await connectSocket(base(), guest.token);
      try {
        expect((await emitWithAck(guestSocket.socket, 'project:join', { projectId })).ok).toBe(true);
        const otherProject = (await editor.caller.post('/api/projects', { name: 'Not shared' })).body.id;
        expect((await emitWithAck(guestSocket.socket, 'project:join', { projectId: otherProject })).ok).toBe(
          false,
        );
        const added = await readyVersion(server.db, editor, projectId);
        await waitFor(() =>
          guestSocket.events.some((e) => e.assetId === added.assetId && e.type === 'version.created'),
        );
        await editor.caller.post(`/api/versions/${added.versionId}/comments`, {
          body: 'Internal aside',
          internal: true,
        });
        await editor.caller.post(`/api/versions/${added.versionId}/comments`, { body: 'Public note' });
        await waitFor(() => guestSocket.events.some((e) => e.payload.comment?.body === 'Public note'));
        expect(guestSocket.events.some((e) => e.payload.comment?.body === 'Internal aside')).toBe(false);
        const home = await guest.caller.get('/api/share');
        expect(home.body.assets.map((a: { id: string }) => a.id)).toContain(added.assetId);
      } finally {
        guestSocket.socket.close();
      }
    });

    it('closes a revoked link’s guests’ sockets at once', async () => {
      const link = await makeLink(editor, { assetIds: [shared.assetId], permissions: ['view'] });
      const guest = await join(link.body.token, 'Quinn');
      const guestSocket = await connectSocket(base(), guest.token);
      try {
        expect((await emitWithAck(guestSocket.socket, 'asset:join', { assetId: shared.assetId })).ok).toBe(
          true,
        );
        await editor.caller.post(`/api/projects/${projectId}/links/${link.body.id}/revoke`);
        // Give the revocation notice a moment to reach the node, then speak in the room.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await editor.caller.post(`/api/versions/${shared.versionId}/comments`, { body: 'After the revoke' });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(guestSocket.events.some((e) => e.payload.comment?.body === 'After the revoke')).toBe(false);
        // Their session ended with the link: the socket is closed and cannot come back.
        expect(guestSocket.socket.connected).toBe(false);
        await expect(connectSocket(base(), guest.token)).rejects.toThrow('unauthorized');
      } finally {
        guestSocket.socket.close();
      }
    });

    it('a note drafted as internal is drawn and typed live for members only; guests lose what they saw when it turns internal', async () => {
      const guest = await guestWith(['view', 'comment'], 'Ivy');
      const otherGuest = await guestWith(['view', 'comment'], 'Ola');
      const tokens = {
        drawer: editor.token,
        member: reviewer.token,
        guest: guest.token,
        otherGuest: otherGuest.token,
      };
      const heard: Record<string, { event: string; payload: any }[]> = {};
      const clients: Record<string, Awaited<ReturnType<typeof connectSocket>>> = {};
      for (const [name, token] of Object.entries(tokens)) {
        const client = await connectSocket(base(), token);
        clients[name] = client;
        heard[name] = [];
        for (const event of ['draw:stroke', 'typing'])
          client.socket.on(event, (payload: unknown) => heard[name].push({ event, payload }));
        expect((await emitWithAck(client.socket, 'asset:join', { assetId: shared.assetId })).ok).toBe(true);
      }
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const place = { assetId: shared.assetId, versionId: shared.versionId, frame: 4 };
      const box = {
        id: 'b',
        kind: 'rectangle',
        colour: '#ff3b30',
        strokeWidth: 0.004,
        from: [0.1, 0.1],
        to: [0.3, 0.3],
      };
      const last = (name: string, event: string) =>
        heard[name].filter((h) => h.event === event).at(-1)?.payload;
      const drawer = clients.drawer.socket;
      try {
        // Drafted as internal from the start: the other member sees it, the guest nothing.
        drawer.emit('draw:stroke', { ...place, internal: true, shape: box });
        drawer.emit('typing', { assetId: shared.assetId, typing: true, internal: true });
        await waitFor(() => heard.member.length === 2);
        await sleep(500);
        expect(heard.guest).toEqual([]);
        drawer.emit('typing', { assetId: shared.assetId, typing: false, internal: true });
        await waitFor(() => heard.member.length === 3);

        // A shared draft reaches everyone…
        drawer.emit('draw:stroke', { ...place, shapes: [box] });
        drawer.emit('typing', { assetId: shared.assetId, typing: true });
        await waitFor(() => heard.guest.length === 2);
        expect(last('guest', 'draw:stroke')).toMatchObject({ shapes: [box], internal: false });
        expect(last('guest', 'typing')).toMatchObject({ typing: true, internal: false });
        await waitFor(() => heard.member.length === 5);

        // …until Internal is ticked mid-draft: the guest's screen drops the drawing and the typing.
        await sleep(200);
        drawer.emit('draw:stroke', { ...place, internal: true, shapes: [box] });
        drawer.emit('typing', { assetId: shared.assetId, typing: true, internal: true });
        await waitFor(
          () => last('member', 'draw:stroke')?.internal === true && last('member', 'typing')?.internal,
        );
        expect(last('member', 'draw:stroke')).toMatchObject({ shapes: [box] });
        expect(last('member', 'typing')).toMatchObject({ typing: true });
        await waitFor(() => heard.guest.length === 4);
        await sleep(500);
        expect(heard.guest.slice(2)).toEqual([
          { event: 'draw:stroke', payload: expect.objectContaining({ shapes: [], internal: false }) },
          { event: 'typing', payload: expect.objectContaining({ typing: false, internal: false }) },
        ]);
        expect(heard.guest.some((h) => h.payload.internal)).toBe(false);

        // A guest writes no internal notes: their flag is ignored and the other guest sees their pen.
        clients.guest.socket.emit('draw:stroke', { ...place, internal: true, shape: box });
        await waitFor(() => heard.otherGuest.some((h) => h.payload.userId === guest.user.id));
        expect(heard.otherGuest.find((h) => h.payload.userId === guest.user.id)?.payload.internal).toBe(
          false,
        );
      } finally {
        for (const { socket } of Object.values(clients)) socket.close();
      }
    });
  });
  describe('a thread is internal or shared as a whole', () => {
    /** A fresh cut with a commenting guest on it (asset link) and one following the whole project. */
    async function threadScene() {
      const cut = await readyVersion(server.db, editor, projectId);
      const assetLink = await makeLink(editor, { assetIds: [cut.assetId], permissions: ['view', 'comment'] });
      const projectLink = await makeLink(editor, { permissions: ['view', 'comment'] });
      const guest = await join(assetLink.body.token, 'Tess');
      const projectGuest = await join(projectLink.body.token, 'Pam');
      const sockets = {
        guest: await connectSocket(base(), guest.token),
        projectGuest: await connectSocket(base(), projectGuest.token),
        member: await connectSocket(base(), viewer.token),
      };
      const joined = await emitWithAck(sockets.guest.socket, 'asset:join', { assetId: cut.assetId });
      expect(joined.ok).toBe(true);
      expect((await emitWithAck(sockets.projectGuest.socket, 'project:join', { projectId })).ok).toBe(true);
      expect((await emitWithAck(sockets.member.socket, 'asset:join', { assetId: cut.assetId })).ok).toBe(
        true,
      );
      const post = (who: { caller: Caller }, body: object) =>
        who.caller.post(`/api/versions/${cut.versionId}/comments`, body);
      /** A shared note posted last: once a socket has it, it has had everything before it. */
      const settle = async (marker: string) => {
        expect((await post(editor, { body: marker })).status).toBe(201);
        for (const { events } of Object.values(sockets))
          await waitFor(() => events.some((e) => e.payload.comment?.body === marker));
      };
      const close = () => Object.values(sockets).forEach(({ socket }) => socket.close());
      return { cut, guest, sockets, post, settle, close, joinedAt: joined.lastSeq as number };
    }

    const mentions = (events: unknown[], ...texts: string[]) =>
      texts.some((text) => JSON.stringify(events).includes(text));

    it('a reply inside an internal thread reaches no guest: live, replayed, by id, in a round', async () => {
      const scene = await threadScene();
      const { cut, guest, sockets, post } = scene;
      try {
        const root = await post(editor, { body: 'Team: the grade is off', frame: 20, internal: true });
        const reply = await post(editor, { body: 'Agreed, redo the sky', parentId: root.body.id });
        expect(reply.status).toBe(201);
        // The reply is as internal as its thread, though it was not asked to be.
        expect(reply.body.internal).toBe(true);
        const replyId: string = reply.body.id;
        expect(
          (await editor.caller.patch(`/api/comments/${replyId}`, { body: 'Agreed, redo the whole sky' }))
            .status,
        ).toBe(200);
        expect(
          (await reviewer.caller.post(`/api/comments/${replyId}/reactions`, { emoji: '👍' })).status,
        ).toBe(200);
        const doomed = await post(reviewer, { body: 'Second thought', parentId: root.body.id });
        expect((await reviewer.caller.delete(`/api/comments/${doomed.body.id}`)).status).toBe(204);
        expect((await editor.caller.post(`/api/comments/${root.body.id}/resolve`)).status).toBe(200);
        await scene.settle('Shared note after the thread');

        const secrets = [root.body.id, replyId, doomed.body.id, 'redo the', 'Second thought'];
        const memberTypes = sockets.member.events
          .filter((e) => mentions([e], root.body.id, replyId, doomed.body.id))
          .map((e) => e.type);
        expect(memberTypes).toEqual([
          'comment.created',
          'comment.created',
          'comment.updated',
          'comment.reactions',
          'comment.created',
          'comment.deleted',
          'comment.resolved',
        ]);
        expect(mentions(sockets.guest.events, ...secrets)).toBe(false);
        expect(mentions(sockets.projectGuest.events, ...secrets)).toBe(false);

        // Replayed after a reconnect: the same silence.
        const replay = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: scene.joinedAt,
        });
        expect(
          replay.events.some(
            (e: { payload: any }) => e.payload.comment?.body === 'Shared note after the thread',
          ),
        ).toBe(true);
        expect(mentions(replay.events, ...secrets)).toBe(false);
        const fromStart = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(mentions(fromStart.events, ...secrets)).toBe(false);

        // Nor by REST: the list, the reply by id, the next version's carried-over notes and the rounds.
        const list = await guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(mentions(list.body.comments, ...secrets)).toBe(false);
        expect((await guest.caller.post(`/api/comments/${replyId}/reactions`, { emoji: '🎉' })).status).toBe(
          404,
        );
        expect((await guest.caller.patch(`/api/comments/${replyId}`, { body: 'x' })).status).toBe(404);
        const next = await readyNextVersion(server.db, editor, cut.assetId);
        expect((await editor.caller.post(`/api/comments/${root.body.id}/reopen`)).status).toBe(200);
        const carried = await guest.caller.get(`/api/versions/${next.versionId}/carried-over`);
        expect(mentions(carried.body.comments, ...secrets)).toBe(false);
        const rounds = await guest.caller.get(`/api/assets/${cut.assetId}/rounds`);
        expect(rounds.body.rounds.at(-1).notes.total).toBe(1);

        // A member sees all of it.
        const memberList = await viewer.caller.get(`/api/versions/${cut.versionId}/comments`);
        const memberReply = memberList.body.comments.find((c: { id: string }) => c.id === replyId);
        expect(memberReply).toMatchObject({ internal: true, body: 'Agreed, redo the whole sky' });
        const memberCarried = await viewer.caller.get(`/api/versions/${next.versionId}/carried-over`);
        const item = memberCarried.body.comments.find(
          (c: { comment: { id: string } }) => c.comment.id === root.body.id,
        );
        expect(item.replyCount).toBe(1);
      } finally {
        scene.close();
      }
    });

    it('a reply cannot be made internal apart from its shared thread, nor shared apart from its internal one', async () => {
      const scene = await threadScene();
      try {
        const open = await scene.post(reviewer, { body: 'For the client too', frame: 4 });
        const aside = await scene.post(editor, { body: 'Just us', parentId: open.body.id, internal: true });
        expect(aside.status).toBe(409);
        expect(aside.body.code).toBe('thread_visibility');
        const answer = await scene.post(editor, { body: 'Done', parentId: open.body.id });
        expect(answer.body.internal).toBe(false);
        const moved = await editor.caller.patch(`/api/comments/${answer.body.id}`, { internal: true });
        expect(moved.status).toBe(409);
        expect(moved.body.code).toBe('thread_visibility');
        // Nor can anything that writes to the database directly.
        await expect(
          server.db.query(`UPDATE comments SET internal = true WHERE id = $1`, [answer.body.id]),
        ).rejects.toThrow(/comments_thread_visibility_fkey/);
      } finally {
        scene.close();
      }
    });

    it('a shared thread made internal leaves the guest’s view at once, and comes back when shared again', async () => {
      const scene = await threadScene();
      const { cut, guest, sockets, post } = scene;
      try {
        const root = await post(reviewer, { body: 'Music too loud here', frame: 30 });
        const guestReply = await post(guest, { body: 'Yes, much too loud', parentId: root.body.id });
        const memberReply = await post(editor, { body: 'Ducking it by 6 dB', parentId: root.body.id });
        await waitFor(() => sockets.guest.events.some((e) => e.payload.comment?.id === memberReply.body.id));
        const before = sockets.guest.events.length;

        const hidden = await reviewer.caller.patch(`/api/comments/${root.body.id}`, { internal: true });
        expect(hidden.status).toBe(200);
        await scene.settle('Shared note after hiding');
        // Members hear the thread and each reply change; the guests, that the thread is gone.
        const told = sockets.member.events.filter(
          (e) => e.type === 'comment.updated' && e.payload.comment.internal === true,
        );
        expect(told.map((e) => e.payload.comment.id)).toEqual([
          root.body.id,
          guestReply.body.id,
          memberReply.body.id,
        ]);
        for (const { events } of [sockets.guest, sockets.projectGuest]) {
          const after = events.filter((e) => e.seq >= told[0].seq && e.seq <= told[2].seq);
          expect(after).toEqual([
            expect.objectContaining({
              seq: told[0].seq,
              type: 'comment.deleted',
              payload: { commentId: root.body.id, versionId: cut.versionId, parentId: null, internal: false },
            }),
          ]);
        }
        expect(
          mentions(sockets.guest.events.slice(before), 'Ducking', 'much too loud', 'Music too loud'),
        ).toBe(false);
        const replay = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: told[0].seq - 1,
        });
        expect(replay.events[0]).toMatchObject({ seq: told[0].seq, type: 'comment.deleted' });
        expect(mentions(replay.events, 'Ducking', 'much too loud', 'Music too loud')).toBe(false);
        const list = await guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(mentions(list.body.comments, root.body.id)).toBe(false);
        // The guest's own reply went with the thread.
        expect((await guest.caller.patch(`/api/comments/${guestReply.body.id}`, { body: 'x' })).status).toBe(
          404,
        );

        expect(
          (await reviewer.caller.patch(`/api/comments/${root.body.id}`, { internal: false })).status,
        ).toBe(200);
        await waitFor(() =>
          sockets.guest.events.some(
            (e) => e.type === 'comment.updated' && e.payload.comment.id === memberReply.body.id,
          ),
        );
        const back = await guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(back.body.comments.map((c: { id: string }) => c.id)).toEqual(
          expect.arrayContaining([root.body.id, guestReply.body.id, memberReply.body.id]),
        );
      } finally {
        scene.close();
      }
    });

    it('a thread shared, hidden, answered, shared and hidden again is replayed to no guest, whatever its events said then', async () => {
      const scene = await threadScene();
      const { cut, sockets, post } = scene;
      try {
        const root = await post(reviewer, { body: 'Flicker in the window', frame: 40 });
        const hide = (internal: boolean) =>
          reviewer.caller.patch(`/api/comments/${root.body.id}`, { internal });
        expect((await hide(true)).status).toBe(200);
        const reply = await post(editor, { body: 'Deflicker pass booked', parentId: root.body.id });
        expect(reply.status).toBe(201);
        expect((await hide(false)).status).toBe(200);
        expect((await hide(true)).status).toBe(200);
        await scene.settle('Shared note after the flicker thread');

        const fromStart = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(fromStart.ok).toBe(true);
        expect(
          fromStart.events.some(
            (e: { payload: any }) => e.payload.comment?.body === 'Shared note after the flicker thread',
          ),
        ).toBe(true);
        expect(
          mentions(fromStart.events, 'Flicker in the window', 'Deflicker', root.body.id, reply.body.id),
        ).toBe(false);
        // A guest who saw the thread before it was hidden is told, on reconnecting, to drop it.
        const afterRoot = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: scene.joinedAt + 1,
        });
        expect(mentions(afterRoot.events, 'Flicker in the window', 'Deflicker', reply.body.id)).toBe(false);
        expect(
          afterRoot.events
            .filter((e: { payload: any }) => mentions([e], root.body.id))
            .map((e: any) => e.type),
        ).toEqual(['comment.deleted', 'comment.deleted']);
        // A member replays all of it.
        const member = await emitWithAck(sockets.member.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(mentions(member.events, 'Flicker in the window', 'Deflicker pass booked')).toBe(true);
        const list = await scene.guest.caller.get(`/api/versions/${cut.versionId}/comments`);
        expect(mentions(list.body.comments, root.body.id)).toBe(false);
      } finally {
        scene.close();
      }
    });

    it('the upgrade repairs replies stored public inside internal threads, and the events that told of them', async () => {
      const scene = await threadScene();
      const { cut, guest, sockets, post } = scene;
      sockets.member.socket.close();
      try {
        const root = await post(editor, { body: 'Before the upgrade', frame: 8, internal: true });
        const reply = await post(editor, { body: 'Old leaky reply', parentId: root.body.id });
        await reviewer.caller.post(`/api/comments/${reply.body.id}/reactions`, { emoji: '👀' });
        const gone = await post(editor, { body: 'Old deleted reply', parentId: root.body.id });
        await editor.caller.delete(`/api/comments/${gone.body.id}`);
        // Roll the schema back to before the guard and store what the old code stored.
        const env = { DATABASE_URL: server.db.url };
        const applied = async () =>
          (await server.db.query(`SELECT 1 FROM migrations WHERE name = 'ThreadVisibility1764050000013'`))
            .length;
        while ((await applied()) > 0) expect((await runBuilt('migrate', ['--revert'], env)).code).toBe(0);
        await server.db.query(`UPDATE comments SET internal = false WHERE id = $1`, [reply.body.id]);
        await server.db.query(
          `UPDATE events SET payload = CASE
             WHEN payload ? 'comment' THEN jsonb_set(payload, '{comment,internal}', 'false')
             ELSE jsonb_set(payload, '{internal}', 'false') END
           WHERE asset_id = $1 AND (payload #>> '{comment,id}' IN ($2, $3) OR payload ->> 'commentId' IN ($2, $3))`,
          [cut.assetId, reply.body.id, gone.body.id],
        );
        const leaky = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(mentions(leaky.events, 'Old leaky reply')).toBe(true);

        expect((await runBuilt('migrate', [], env)).code).toBe(0);
        const [row] = await server.db.query<{ internal: boolean }>(
          `SELECT internal FROM comments WHERE id = $1`,
          [reply.body.id],
        );
        expect(row.internal).toBe(true);
        const replay = await emitWithAck(sockets.guest.socket, 'asset:join', {
          assetId: cut.assetId,
          afterSeq: 0,
        });
        expect(
          mentions(replay.events, root.body.id, reply.body.id, gone.body.id, 'Old leaky', 'Old deleted'),
        ).toBe(false);
        expect(
          (await guest.caller.post(`/api/comments/${reply.body.id}/reactions`, { emoji: '🎉' })).status,
        ).toBe(404);
      } finally {
        scene.close();
      }
    });
  });
});

describe('review link guessing', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '5' });

  it('is rate-limited per client address', async () => {
    const caller = new Caller(server.api.baseUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await caller.get(`/api/share/${randomBytes(32).toString('base64url')}`)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
