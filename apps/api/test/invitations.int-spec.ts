import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { mailsTo, startMailServer, type MailServer } from './support/mail-server.js';
import { connectSocket, waitFor } from './support/socket-client.js';
import { signUpTeam } from './support/team.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';

const PUBLIC_URL = 'https://review.example.com';
const PASSWORD = 'correct horse battery';

const newAddress = (name: string) => `${name}-${randomBytes(4).toString('hex')}@example.com`;
const tokenOf = (link: string) => link.slice(`${PUBLIC_URL}/invite/`.length);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('inviting people to a project', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false', PUBLIC_URL });
  const base = () => server.api.baseUrl;
  const anonymous = () => new Caller(base());

  async function invite(who: SignedIn, projectId: string, email: string, role = 'reviewer') {
    return who.caller.post(`/api/projects/${projectId}/invitations`, { email, role });
  }

  it('an address with no account is invited, signs up through the link, and joins with the role chosen', async () => {
    const { owner, projectId } = await signUpTeam(base(), 'Invited feature');
    const email = newAddress('nora');
    const made = await invite(owner, projectId, email.toUpperCase(), 'editor');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      kind: 'invitation',
      emailed: false,
      invitation: { email, role: 'editor', invitedBy: { id: owner.user.id, displayName: 'Olive Owner' } },
    });
    const { link, id } = made.body.invitation;
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/invite/[A-Za-z0-9_-]{40,}$`));
    const token = tokenOf(link);

    // Listed as pending, with the same link to copy again; the token itself is stored nowhere.
    const listed = await owner.caller.get(`/api/projects/${projectId}/invitations`);
    expect(listed.body.invitations).toEqual([made.body.invitation]);
    const [row] = await server.db.query<Record<string, unknown>>(`SELECT * FROM invitations WHERE id = $1`, [
      id,
    ]);
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const info = await anonymous().get(`/api/invitations/${token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      email,
      role: 'editor',
      project: { id: projectId, name: 'Invited feature' },
      invitedBy: 'Olive Owner',
    });

    const accepted = await anonymous().post(`/api/invitations/${token}/accept`, {
      displayName: 'Nora New',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ projectId, user: { email, displayName: 'Nora New' } });
    expect(accepted.headers.get('set-cookie')).toMatch(/cutroom_session=/);
    const nora = new Caller(base(), { token: accepted.body.token });
    const projects = await nora.get('/api/projects');
    expect(projects.body.projects).toEqual([expect.objectContaining({ id: projectId, role: 'editor' })]);
    // The account signs in like any other.
    expect((await anonymous().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);

    // Used once: the link is dead, and nothing is pending any more.
    expect((await anonymous().get(`/api/invitations/${token}`)).status).toBe(404);
    const again = await anonymous().post(`/api/invitations/${token}/accept`, {
      displayName: 'Nora Again',
      password: PASSWORD,
    });
    expect(again.status).toBe(404);
    expect((await owner.caller.get(`/api/projects/${projectId}/invitations`)).body.invitations).toEqual([]);
  });

  it('an existing account is added as before, and its open sockets hear of the project at once', async () => {
    const { owner, projectId } = await signUpTeam(base(), 'Live join');
    const joiner = await signUp(base(), 'Jo Joiner');
    const { socket } = await connectSocket(base(), joiner.token);
    const heard: unknown[] = [];
    socket.on('project:joined', (message: unknown) => heard.push(message));
    try {
      const made = await invite(owner, projectId, joiner.user.email, 'viewer');
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        kind: 'member',
        member: { user: { id: joiner.user.id }, role: 'viewer' },
      });
      await waitFor(() => heard.length === 1);
      expect(heard).toEqual([{ projectId }]);
      expect((await invite(owner, projectId, joiner.user.email)).status).toBe(409);
    } finally {
      socket.disconnect();
    }
  });

  it('a mistaken accept (a bad password) leaves the invitation open', async () => {
    const { owner, projectId } = await signUpTeam(base(), 'Retry');
    const email = newAddress('pat');
    const token = tokenOf((await invite(owner, projectId, email)).body.invitation.link);
    const short = await anonymous().post(`/api/invitations/${token}/accept`, {
      displayName: 'Pat',
      password: 'short',
    });
    expect(short.status).toBe(400);
    const own = await anonymous().post(`/api/invitations/${token}/accept`, {
      displayName: 'Pat',
      password: email,
    });
    expect(own.status).toBe(400);
    expect((await anonymous().get(`/api/invitations/${token}`)).status).toBe(200);
    const accepted = await anonymous().post(`/api/invitations/${token}/accept`, {
      displayName: 'Pat',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
  });

  it('an address that signed up before accepting joins through the invitation with its own password', async () => {
    const { owner, projectId } = await signUpTeam(base(), 'Meanwhile');
    const email = newAddress('sam');
    const token = tokenOf((await invite(owner, projectId, email, 'editor')).body.invitation.link);
    expect((await anonymous().get(`/api/invitations/${token}`)).body.hasAccount).toBe(false);
    // Sam signs up from the home page (in capitals) instead of following the link.
    const own = await anonymous().post('/api/auth/register', {
      email: email.toUpperCase(),
      password: PASSWORD,
      displayName: 'Sam',
    });
    expect(own.status).toBe(201);
    expect((await anonymous().get(`/api/invitations/${token}`)).body.hasAccount).toBe(true);
    const wrong = await anonymous().post(`/api/invitations/${token}/accept`, { password: 'not my password' });
    expect(wrong.status).toBe(401);
    const accepted = await anonymous().post(`/api/invitations/${token}/accept`, { password: PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user.id).toBe(own.body.user.id);
    const members = await owner.caller.get(`/api/projects/${projectId}/members`);
    expect(members.body.members).toContainEqual(
      expect.objectContaining({ role: 'editor', user: expect.objectContaining({ id: own.body.user.id }) }),
    );
    expect((await anonymous().get(`/api/invitations/${token}`)).status).toBe(404);
    // A new account still needs a name.
    const fresh = tokenOf((await invite(owner, projectId, newAddress('noname'))).body.invitation.link);
    const nameless = await anonymous().post(`/api/invitations/${fresh}/accept`, { password: PASSWORD });
    expect(nameless.status).toBe(400);
    expect(nameless.body.fields).toEqual([{ path: 'displayName', message: 'must not be empty' }]);
  });

  it('revoked, expired or replaced invitations open nothing; only owners invite, list and revoke', async () => {
    const { owner, editor, projectId } = await signUpTeam(base(), 'Guarded');
    const email = newAddress('rex');
    const first = (await invite(owner, projectId, email)).body.invitation;
    // Inviting the same address again replaces the open invitation.
    const second = (await invite(owner, projectId, email, 'viewer')).body.invitation;
    expect((await anonymous().get(`/api/invitations/${tokenOf(first.link)}`)).status).toBe(404);
    expect((await anonymous().get(`/api/invitations/${tokenOf(second.link)}`)).body.role).toBe('viewer');

    expect((await invite(editor, projectId, newAddress('eve'))).status).toBe(403);
    expect((await editor.caller.get(`/api/projects/${projectId}/invitations`)).status).toBe(403);
    expect((await editor.caller.delete(`/api/projects/${projectId}/invitations/${second.id}`)).status).toBe(
      403,
    );

    expect((await owner.caller.delete(`/api/projects/${projectId}/invitations/${second.id}`)).status).toBe(
      204,
    );
    expect((await owner.caller.delete(`/api/projects/${projectId}/invitations/${second.id}`)).status).toBe(
      404,
    );
    expect((await anonymous().get(`/api/invitations/${tokenOf(second.link)}`)).status).toBe(404);

    const late = (await invite(owner, projectId, newAddress('lou'))).body.invitation;
    await server.db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      late.id,
    ]);
    expect((await anonymous().get(`/api/invitations/${tokenOf(late.link)}`)).status).toBe(404);
    expect(
      (
        await anonymous().post(`/api/invitations/${tokenOf(late.link)}/accept`, {
          displayName: 'Lou',
          password: PASSWORD,
        })
      ).status,
    ).toBe(404);
    expect((await owner.caller.get(`/api/projects/${projectId}/invitations`)).body.invitations).toEqual([]);

    expect((await anonymous().get('/api/invitations/not-a-token')).status).toBe(404);
    expect((await invite(owner, projectId, 'not an address')).status).toBe(400);
  });
});

describe('invitations by e-mail', () => {
  let mailServer: MailServer;
  let db: TestDatabase;
  let dataDir: string;
  let api: ApiProcess;

  beforeAll(async () => {
    mailServer = await startMailServer();
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-invite-'));
    chmodSync(dataDir, 0o755);
    api = await startApi({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEDIA_WORKER: 'false',
      PUBLIC_URL,
      SMTP_URL: mailServer.url,
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    await mailServer?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the invited address gets a mail with the link that signs it up', async () => {
    const { owner, projectId } = await signUpTeam(api.baseUrl, 'Mailed <feature>');
    const email = newAddress('mae');
    const made = await owner.caller.post(`/api/projects/${projectId}/invitations`, {
      email,
      role: 'reviewer',
    });
    expect(made.body).toMatchObject({ kind: 'invitation', emailed: true });
    const invitee = { user: { email } } as SignedIn;
    const [mail] = await mailsTo(mailServer, invitee);
    expect(mail.headers.get('subject')).toBe('Olive Owner invited you to Mailed <feature> on Cutroom');
    expect(mail.decoded).toContain(made.body.invitation.link);
    expect(mail.decoded).toContain('Mailed &#60;feature&#62;');
    // The link in the mail is the one that works.
    const token = tokenOf(made.body.invitation.link);
    expect((await new Caller(api.baseUrl).get(`/api/invitations/${token}`)).body.email).toBe(email);
  });
});
