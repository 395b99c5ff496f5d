import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { type SignedIn, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { type MailServer, mailsFor, mailsTo, startMailServer } from './support/mail-server.js';
import { waitFor } from './support/socket-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';

const PUBLIC_URL = 'https://review.example.com';
/** Longer than the mailer's batch window, so every node that could send has had its chance. */
const QUIET_MS = 7_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An editor's project with a ready version, and the people to write to, added after the upload. */
async function projectWithCut(db: TestDatabase, baseUrl: string, tag: string) {
  const [editor, reviewer, viewer] = await Promise.all(
    [`Edith ${tag}`, `Rita ${tag}`, `Vic ${tag}`].map((name) => signUp(baseUrl, name)),
  );
  const projectId = (await editor.caller.post('/api/projects', { name: `Feature ${tag}` })).body.id as string;
  const { assetId, versionId } = await readyVersion(db, editor, projectId);
  for (const [who, role] of [
    [reviewer, 'reviewer'],
    [viewer, 'viewer'],
  ] as const) {
    await editor.caller.post(`/api/projects/${projectId}/members`, { email: who.user.email, role });
  }
  // The uploader hears only of mentions and replies here: each mail below is about one person.
  const chosen = await editor.caller.request('PUT', `/api/projects/${projectId}/notification-settings`, {
    level: 'mentions',
  });
  expect(chosen.status).toBe(200);
  const [asset] = await db.query<{ name: string }>(`SELECT name FROM assets WHERE id = $1`, [assetId]);
  return { editor, reviewer, viewer, projectId, assetId, assetName: asset.name, versionId };
}

async function feedHas(person: SignedIn, commentId: string): Promise<boolean> {
  const feed = await person.caller.get('/api/activity');
  return feed.body.items.some((item: { commentId: string | null }) => item.commentId === commentId);
}

async function comment(who: SignedIn, versionId: string, body: Record<string, unknown>): Promise<string> {
  const reply = await who.caller.post(`/api/versions/${versionId}/comments`, body);
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}

describe('e-mail notifications through SMTP, with two api nodes', () => {
  let mailServer: MailServer;
  let db: TestDatabase;
  let dataDir: string;
  let nodeA: ApiProcess;
  let nodeB: ApiProcess;

  beforeAll(async () => {
    mailServer = await startMailServer();
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-email-'));
    chmodSync(dataDir, 0o755);
    const env = {
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEDIA_WORKER: 'false',
      PUBLIC_URL,
      SMTP_URL: mailServer.url,
      SMTP_FROM: 'Cutroom Review <review@example.com>',
      NOTIFY_EMAIL_BATCH_SECONDS: '5',
    };
    [nodeA, nodeB] = await Promise.all([startApi(env), startApi(env)]);
  });
  afterAll(async () => {
    await nodeA?.stop();
    await nodeB?.stop();
    await db?.drop();
    await mailServer?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the member @mentioned gets exactly one mail: who, where, what, and a link to the asset', async () => {
    const { editor, reviewer, viewer, assetId, assetName, versionId } = await projectWithCut(
      db,
      nodeA.baseUrl,
      'One',
    );
    const commentId = await comment(reviewer, versionId, {
      body: 'Sky is too warm here @Vic One, can you look?',
      frame: 48,
    });

    const [mail] = await mailsTo(mailServer, viewer);
    await pause(QUIET_MS);
    expect(mailsFor(mailServer, viewer)).toHaveLength(1);
    expect(mail.envelopeTo).toEqual([viewer.user.email]);
    expect(mail.envelopeFrom).toBe('review@example.com');
    expect(mail.headers.get('from')).toBe('Cutroom Review <review@example.com>');
    expect(mail.headers.get('to')).toBe(`Vic One <${viewer.user.email}>`);
    expect(mail.headers.get('subject')).toBe(`Rita One mentioned you on ${assetName}`);
    expect(mail.decoded).toContain(
      `Rita One mentioned you on ${assetName} (Feature One, version 1 at 01:00:02:00, frame 48):`,
    );
    expect(mail.decoded).toContain('"Sky is too warm here @Vic One, can you look?"');
    expect(mail.decoded).toContain(`${PUBLIC_URL}/assets/${assetId}?version=1`);
    // Nobody else was told, so nobody else is mailed: not the author, not the other member.
    expect(mailsFor(mailServer, reviewer)).toEqual([]);
    expect(mailsFor(mailServer, editor)).toEqual([]);
    const [item] = await db.query<{ emailed_at: Date | null }>(
      `SELECT emailed_at FROM notifications WHERE comment_id = $1 AND user_id = $2`,
      [commentId, viewer.user.id],
    );
    expect(item.emailed_at).toBeInstanceOf(Date);
  });

  it('a burst of mentions through both nodes within seconds is one mail listing them all', async () => {
    const { editor, reviewer, assetName, versionId } = await projectWithCut(db, nodeB.baseUrl, 'Two');
    const nodes = [nodeA, nodeB];
    for (let i = 0; i < 3; i++) {
      const caller = reviewer.caller;
      const reply = await fetch(`${nodes[i % 2].baseUrl}/api/versions/${versionId}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${caller.auth.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `@Edith Two note ${i}`, frame: 10 * i }),
      });
      expect(reply.status).toBe(201);
    }

    const [mail] = await mailsTo(mailServer, editor);
    await pause(QUIET_MS);
    expect(mailsFor(mailServer, editor)).toHaveLength(1);
    expect(mail.headers.get('subject')).toBe(`3 updates on ${assetName}`);
    for (let i = 0; i < 3; i++) expect(mail.decoded).toContain(`"@Edith Two note ${i}"`);
  });
});

describe('e-mail notifications with no SMTP_URL', () => {
  let mailServer: MailServer;
  const server = useTestServer({
    MEDIA_WORKER: 'false',
    PUBLIC_URL,
    SMTP_FROM: 'review@example.com',
    NOTIFY_EMAIL_BATCH_SECONDS: '5',
  });

  beforeAll(async () => {
    mailServer = await startMailServer();
  });
  afterAll(async () => {
    await mailServer?.close();
  });

  it('a mention is in the feed, and no mail is attempted or claimed', async () => {
    const { reviewer, viewer, versionId } = await projectWithCut(server.db, server.api.baseUrl, 'Off');
    const commentId = await comment(reviewer, versionId, { body: 'for @Vic Off' });
    const deadline = Date.now() + 15_000;
    while (!(await feedHas(viewer, commentId))) {
      if (Date.now() > deadline) throw new Error('the mention never reached the feed');
      await pause(50);
    }
    await pause(QUIET_MS);
    expect(mailServer.connections).toBe(0);
    const [item] = await server.db.query<{ emailed_at: Date | null }>(
      `SELECT emailed_at FROM notifications WHERE comment_id = $1`,
      [commentId],
    );
    expect(item.emailed_at).toBeNull();
  });
});

describe('e-mail notifications when the mail server says no', () => {
  let mailServer: MailServer;
  let db: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    mailServer = await startMailServer();
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-email-'));
    chmodSync(dataDir, 0o755);
    api = await startApi({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEDIA_WORKER: 'false',
      PUBLIC_URL,
      SMTP_URL: mailServer.url,
      NOTIFY_EMAIL_BATCH_SECONDS: '5',
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    await mailServer?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a refusal for good is tried once and logged, and commenting goes on working', async () => {
    const { reviewer, viewer, versionId } = await projectWithCut(db, api.baseUrl, 'Refused');
    mailServer.verdicts.push('refuse');
    await comment(reviewer, versionId, { body: 'first for @Vic Refused' });
    await waitFor(() => api.output().includes('could not send an activity e-mail'), 30_000);
    await pause(QUIET_MS);
    expect(mailServer.attempts.filter((to) => to === viewer.user.email)).toHaveLength(1);
    expect(mailsFor(mailServer, viewer)).toEqual([]);
    const logged = api
      .output()
      .split('\n')
      .filter((line) => line.includes('could not send an activity e-mail'))
      .map((line) => JSON.parse(line));
    expect(logged).toEqual([
      expect.objectContaining({
        level: 50,
        userId: viewer.user.id,
        err: expect.objectContaining({ responseCode: 550 }),
      }),
    ]);
    // The server, the feed and the next mail are unaffected.
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    await comment(reviewer, versionId, { body: 'second for @Vic Refused' });
    const [mail] = await mailsTo(mailServer, viewer);
    expect(mail.headers.get('subject')).toMatch(/^Rita Refused mentioned you on /);
    expect(mail.decoded).toContain('"second for @Vic Refused"');
    expect(mail.decoded).not.toContain('first for');
  });

  it('"try again later" is retried, and the mail arrives once', async () => {
    const { reviewer, viewer, versionId } = await projectWithCut(db, api.baseUrl, 'Later');
    mailServer.verdicts.push('try-later');
    await comment(reviewer, versionId, { body: 'patience @Vic Later' });
    const [mail] = await mailsTo(mailServer, viewer);
    await pause(QUIET_MS);
    expect(mailsFor(mailServer, viewer)).toHaveLength(1);
    expect(mailServer.attempts.filter((to) => to === viewer.user.email)).toHaveLength(2);
    expect(mail.decoded).toContain('"patience @Vic Later"');
  });
});
