import { createHash, randomBytes } from 'node:crypto';
import { Caller, type SignedIn } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { useTestServer } from './support/test-server.js';
import { PASSWORD, useSharingFixture } from './support/sharing-fixture.js';

describe('review links and guests', () => {
  const fx = useSharingFixture();
  const { server, base, anonymous, makeLink, join } = fx;
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let projectId: string;
  let shared: { assetId: string; versionId: string };

  beforeAll(() => {
    ({ owner, editor, reviewer, viewer, outsider, projectId, shared } = fx);
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
});

describe('review link guessing', () => {
  const server = useTestServer({
    MEDIA_WORKER: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '5',
    TRUST_PROXY: 'true',
  });
  const from = (address: string) => ({
    post: (path: string, body: unknown) =>
      new Caller(server.api.baseUrl).request('POST', path, body, { 'x-forwarded-for': address }),
  });

  it('limits password guesses on one link however many addresses they come from', async () => {
    // Signed up from an address of its own: the other test here counts this runner's attempts.
    const registered = await from('198.51.100.200').post('/api/auth/register', {
      email: `olga-${randomBytes(4).toString('hex')}@example.com`,
      password: 'correct horse battery',
      displayName: 'Olga',
    });
    const owner = new Caller(server.api.baseUrl, { token: registered.body.token });
    const project = await owner.post('/api/projects', { name: 'Guarded' });
    const link = await owner.post(`/api/projects/${project.body.id}/links`, { password: PASSWORD });
    expect(link.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const reply = await from(`198.51.100.${i + 1}`).post(`/api/share/${link.body.token}/guests`, {
        name: 'Guesser',
        password: `guess number ${i}`,
      });
      statuses.push(reply.status);
      if (reply.status === 429) expect(reply.body.message).toMatch(/this review link/);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another link is not held up by it.
    const other = await owner.post(`/api/projects/${project.body.id}/links`, { password: PASSWORD });
    const guest = await from('198.51.100.99').post(`/api/share/${other.body.token}/guests`, {
      name: 'Client',
      password: PASSWORD,
    });
    expect(guest.status).toBe(201);
  });

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
