import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { Caller, type SignedIn } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import { useTestServer } from './support/test-server.js';

const PASSWORD = 'open sesame';

/** A review link after it is made: its address copied again, its rights, password and expiry changed. */
describe('editing review links', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let editor: SignedIn;
  let reviewer: SignedIn;
  let projectId: string;
  let cut: { assetId: string; versionId: string };

  const base = () => server.api.baseUrl;
  const links = () => `/api/projects/${projectId}/links`;

  async function makeLink(body: object): Promise<{ id: string; token: string }> {
    const made = await editor.caller.post(links(), { assetIds: [cut.assetId], ...body });
    expect(made.status).toBe(201);
    return { id: made.body.id, token: made.body.token };
  }

  async function join(token: string, name: string, password?: string) {
    const reply = await new Caller(base()).post(`/api/share/${token}/guests`, { name, password });
    expect(reply.status).toBe(201);
    return { caller: new Caller(base(), { token: reply.body.token }), token: reply.body.token as string };
  }

  beforeAll(async () => {
    ({ editor, reviewer, projectId } = await signUpTeam(base(), 'Editing links'));
    cut = await readyVersion(server.db, editor, projectId);
  });

  it('gives a link’s address again to its makers, and it opens; the key is kept in the data folder', async () => {
    const link = await makeLink({ permissions: ['view'] });
    const again = await editor.caller.get(`${links()}/${link.id}/address`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ token: link.token, path: `/share/${link.token}` });
    expect((await new Caller(base()).get(`/api/share/${again.body.token}`)).status).toBe(200);
    expect((await reviewer.caller.get(`${links()}/${link.id}/address`)).status).toBe(403);
    const listed = (await editor.caller.get(links())).body.links.find(
      (l: { id: string }) => l.id === link.id,
    );
    expect(listed.copyable).toBe(true);
    // Only a hash is in the database; the key the address comes from is not.
    const [row] = await server.db.query<{ token_hash: string }>(
      `SELECT token_hash FROM review_links WHERE id = $1`,
      [link.id],
    );
    expect(row.token_hash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(statSync(path.join(server.dataDir, 'secrets', 'server-secret')).mode & 0o777).toBe(0o600);
  });

  it('says honestly when an address cannot be shown again, and the link still works', async () => {
    const old = await makeLink({ permissions: ['view'] });
    // As a link made before addresses were derived: only its random token's hash is known.
    await server.db.query(`UPDATE review_links SET token_derived = false WHERE id = $1`, [old.id]);
    const refused = await editor.caller.get(`${links()}/${old.id}/address`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('made before links could be copied again');
    const listed = (await editor.caller.get(links())).body.links.find((l: { id: string }) => l.id === old.id);
    expect(listed.copyable).toBe(false);
    expect((await new Caller(base()).get(`/api/share/${old.token}`)).status).toBe(200);

    const rekeyed = await makeLink({ permissions: ['view'] });
    await server.db.query(`UPDATE review_links SET token_hash = $2 WHERE id = $1`, [
      rekeyed.id,
      createHash('sha256').update('made-under-another-key').digest('hex'),
    ]);
    const mismatch = await editor.caller.get(`${links()}/${rekeyed.id}/address`);
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.message).toContain("server's secret");
  });

  it('changed permissions reach a watching guest at once, and the api holds them to it', async () => {
    const link = await makeLink({ permissions: ['view'] });
    const guest = await join(link.token, 'Vera');
    const watching = await connectSocket(base(), guest.token);
    const changes: { guest: { permissions: string[] } }[] = [];
    watching.socket.on('link:changed', (message) => changes.push(message));
    try {
      expect((await emitWithAck(watching.socket, 'asset:join', { assetId: cut.assetId })).ok).toBe(true);
      const comments = `/api/versions/${cut.versionId}/comments`;
      expect((await guest.caller.post(comments, { body: 'Can I?' })).status).toBe(403);

      const widened = await editor.caller.patch(`${links()}/${link.id}`, {
        permissions: ['comment', 'approve'],
      });
      expect(widened.status).toBe(200);
      expect(widened.body.permissions).toEqual(['view', 'comment', 'approve']);
      await waitFor(() => changes.length > 0, 1_000);
      expect(changes[0].guest.permissions).toEqual(['view', 'comment', 'approve']);
      expect((await guest.caller.post(comments, { body: 'Now I can' })).status).toBe(201);
      // The socket acts by the new rights too: a note posted over it goes through.
      const overSocket = await emitWithAck(watching.socket, 'comment:create', {
        versionId: cut.versionId,
        comment: { body: 'And here' },
      });
      expect(overSocket.ok).toBe(true);

      await editor.caller.patch(`${links()}/${link.id}`, { permissions: ['view'] });
      await waitFor(() => changes.length > 1, 1_000);
      expect(changes[1].guest.permissions).toEqual(['view']);
      expect((await guest.caller.post(comments, { body: 'Not any more' })).status).toBe(403);
      expect((await reviewer.caller.patch(`${links()}/${link.id}`, { permissions: ['view'] })).status).toBe(
        403,
      );
      expect((await editor.caller.patch(`${links()}/${link.id}`, {})).status).toBe(400);
    } finally {
      watching.socket.close();
    }
  });

  it('sets, changes and removes a password; guests already in keep their session', async () => {
    const link = await makeLink({ permissions: ['view'] });
    const early = await join(link.token, 'Early');
    const open = () => new Caller(base()).get(`/api/share/${link.token}`);

    expect((await editor.caller.patch(`${links()}/${link.id}`, { password: 'short' })).status).toBe(400);
    const locked = await editor.caller.patch(`${links()}/${link.id}`, { password: PASSWORD });
    expect(locked.body.hasPassword).toBe(true);
    expect((await open()).body).toMatchObject({ needsPassword: true });
    expect((await new Caller(base()).post(`/api/share/${link.token}/guests`, { name: 'Nope' })).status).toBe(
      401,
    );
    await join(link.token, 'Late', PASSWORD);
    expect((await early.caller.get('/api/share')).status).toBe(200);

    await editor.caller.patch(`${links()}/${link.id}`, { password: 'a different phrase' });
    expect(
      (await new Caller(base()).post(`/api/share/${link.token}/guests`, { name: 'Old', password: PASSWORD }))
        .status,
    ).toBe(401);

    const unlocked = await editor.caller.patch(`${links()}/${link.id}`, { password: null });
    expect(unlocked.body.hasPassword).toBe(false);
    expect((await open()).body).toMatchObject({ needsPassword: false });
  });

  it('a new expiry moves the end of guests’ sessions with it, and ends their live link when it passes', async () => {
    const soon = () => new Date(Date.now() + 2_500).toISOString();
    expect(
      (
        await editor.caller.patch(`${links()}/${(await makeLink({ permissions: ['view'] })).id}`, {
          expiresAt: new Date(Date.now() - 1000).toISOString(),
        })
      ).status,
    ).toBe(400);

    // Joined while the link was to end in 2.5 s; extended before then: the guest carries on.
    const extended = await makeLink({ permissions: ['view'], expiresAt: soon() });
    const stays = await join(extended.token, 'Stays');
    const later = new Date(Date.now() + 86_400_000).toISOString();
    expect((await editor.caller.patch(`${links()}/${extended.id}`, { expiresAt: later })).body.status).toBe(
      'active',
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await stays.caller.get('/api/share')).status).toBe(200);

    // Given an end while a guest watches: their page is told when it passes.
    const shortened = await makeLink({ permissions: ['view'] });
    const goes = await join(shortened.token, 'Goes');
    const watching = await connectSocket(base(), goes.token);
    const ended: { reason: string }[] = [];
    watching.socket.on('link:ended', (message) => ended.push(message));
    try {
      await editor.caller.patch(`${links()}/${shortened.id}`, { expiresAt: soon() });
      await waitFor(() => ended.length > 0, 6_000);
      expect(ended[0].reason).toBe('expired');
      expect((await goes.caller.get('/api/share')).status).toBe(401);
    } finally {
      watching.socket.close();
    }
  });
});
