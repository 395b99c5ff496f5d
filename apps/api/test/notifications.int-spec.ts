import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { type MailServer, mailsFor, mailsTo, startMailServer } from './support/mail-server.js';
import { readyVersion } from './support/review-fixture.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';

interface Item {
  kind: string;
  commentId: string | null;
  actor: { id: string | null; displayName: string } | null;
  excerpt: string | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function feed(person: SignedIn): Promise<Item[]> {
  const reply = await person.caller.get('/api/activity?limit=100');
  expect(reply.status).toBe(200);
  return reply.body.items;
}

/** Polls the person's feed until an item matches: fan-out follows the commit by a moment. */
async function itemFor(person: SignedIn, match: (item: Item) => boolean): Promise<Item> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await feed(person)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching activity for ${person.user.displayName}`);
    await pause(50);
  }
}

async function note(who: SignedIn | Caller, versionId: string, body: Record<string, unknown>) {
  const caller = who instanceof Caller ? who : who.caller;
  const reply = await caller.post(`/api/versions/${versionId}/comments`, body);
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}

function choose(person: SignedIn, projectId: string, level: string) {
  return person.caller.request('PUT', `/api/projects/${projectId}/notification-settings`, { level });
}

/** Waits until the asset's new version has been turned into notifications. */
async function fannedOut(db: TestDatabase, assetId: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    // Events that are never news wait for the next that is (or a sweep) to be passed over.
    const [row] = await db.query<{ behind: boolean }>(
      `SELECT coalesce((SELECT max(seq) FROM events WHERE asset_id = $1 AND type = 'version.created'), 0)
                > coalesce((SELECT seq FROM activity_cursors WHERE asset_id = $1), 0) AS behind`,
      [assetId],
    );
    if (!row.behind) return;
    if (Date.now() > deadline) throw new Error('the asset was never fanned out');
    await pause(50);
  }
}

/**
 * An editor's project with a ready cut; then a reviewer, a director and a bystander as members
 * (after the upload was fanned out: no "new version" items for them); and a client on a review
 * link that may comment.
 */
async function projectWithClient(db: TestDatabase, baseUrl: string, tag: string) {
  const [editor, reviewer, director, bystander] = await Promise.all(
    [`Edith ${tag}`, `Rita ${tag}`, `Dana ${tag}`, `Bea ${tag}`].map((name) => signUp(baseUrl, name)),
  );
  const projectId = (await editor.caller.post('/api/projects', { name: `Feature ${tag}` })).body.id as string;
  const { assetId, versionId } = await readyVersion(db, editor, projectId);
  await fannedOut(db, assetId);
  for (const who of [reviewer, director, bystander]) {
    const added = await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: who.user.email,
      role: 'reviewer',
    });
    expect(added.status).toBe(201);
  }
  const link = await editor.caller.post(`/api/projects/${projectId}/links`, {
    assetIds: [assetId],
    permissions: ['view', 'comment'],
  });
  expect(link.status).toBe(201);
  const joined = await new Caller(baseUrl).post(`/api/share/${link.body.token}/guests`, {
    name: `Cleo ${tag}`,
  });
  expect(joined.status).toBe(201);
  const client = new Caller(baseUrl, { token: joined.body.token });
  return { editor, reviewer, director, bystander, projectId, assetId, versionId, client };
}

describe('who hears of a new note, and each member’s choice', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });

  it("the uploader and everyone who commented hear of a client's note; not its author, not bystanders", async () => {
    const { editor, reviewer, bystander, versionId, client } = await projectWithClient(
      server.db,
      server.api.baseUrl,
      'Client',
    );
    const earlier = await note(reviewer, versionId, { body: 'Sky looks warm', frame: 10 });
    // The uploader hears of the reviewer's note too.
    await itemFor(editor, (i) => i.commentId === earlier && i.kind === 'comment');

    const fromClient = await note(client, versionId, { body: 'Can the logo be bigger?', frame: 24 });
    for (const person of [editor, reviewer]) {
      const item = await itemFor(person, (i) => i.commentId === fromClient);
      expect(item).toMatchObject({
        kind: 'comment',
        actor: { displayName: 'Cleo Client (guest)' },
        excerpt: 'Can the logo be bigger?',
      });
    }
    // Told in the same transaction as the others: a bystander who never commented was not.
    expect((await feed(bystander)).filter((i) => i.commentId === fromClient)).toEqual([]);
    // The reviewer is not told of their own note.
    expect((await feed(reviewer)).filter((i) => i.commentId === earlier)).toEqual([]);
  });

  it('"nothing" silences a project, even a mention; the others are still told', async () => {
    const { editor, reviewer, director, projectId, versionId } = await projectWithClient(
      server.db,
      server.api.baseUrl,
      'Quiet',
    );
    expect((await editor.caller.get(`/api/projects/${projectId}/notification-settings`)).body).toEqual({
      level: 'all',
    });
    const chosen = await choose(editor, projectId, 'none');
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ level: 'none' });
    expect((await editor.caller.get(`/api/projects/${projectId}/notification-settings`)).body).toEqual({
      level: 'none',
    });

    const posted = await note(reviewer, versionId, { body: 'For @Edith Quiet and @Dana Quiet' });
    await itemFor(director, (i) => i.commentId === posted && i.kind === 'mention');
    expect((await feed(editor)).filter((i) => i.commentId === posted)).toEqual([]);

    // Choosing everything again brings the next note back.
    expect((await choose(editor, projectId, 'all')).status).toBe(200);
    const next = await note(reviewer, versionId, { body: 'Another look' });
    await itemFor(editor, (i) => i.commentId === next && i.kind === 'comment');
  });

  it('"mentions and replies only" lets those through and leaves other new notes out', async () => {
    const { editor, reviewer, director, projectId, versionId, client } = await projectWithClient(
      server.db,
      server.api.baseUrl,
      'Focus',
    );
    const own = await note(editor, versionId, { body: 'Is the ending too long?', frame: 100 });
    expect((await choose(editor, projectId, 'mentions')).body).toEqual({ level: 'mentions' });

    const plain = await note(client, versionId, { body: 'Love the colour' });
    const mention = await note(reviewer, versionId, { body: 'Over to @Edith Focus' });
    const reply = await note(director, versionId, { body: 'A little.', parentId: own });
    expect((await itemFor(editor, (i) => i.commentId === mention)).kind).toBe('mention');
    expect((await itemFor(editor, (i) => i.commentId === reply)).kind).toBe('reply');
    // The plain note was fanned out before the mention (one asset, in order): it is not coming.
    expect((await feed(editor)).filter((i) => i.commentId === plain)).toEqual([]);
  });

  it('refuses a level that is not one of the three, and anyone outside the project', async () => {
    const { editor, projectId } = await projectWithClient(server.db, server.api.baseUrl, 'Refuse');
    const bad = await choose(editor, projectId, 'loud');
    expect(bad.status).toBe(400);
    const outsider = await signUp(server.api.baseUrl, 'Oscar Refuse');
    expect((await choose(outsider, projectId, 'none')).status).toBe(404);
    expect((await outsider.caller.get(`/api/projects/${projectId}/notification-settings`)).status).toBe(404);
    expect((await editor.caller.get(`/api/projects/${projectId}/notification-settings`)).body).toEqual({
      level: 'all',
    });
  });
});

describe('e-mail digests: one mail per person per batch window, durable across restarts', () => {
  const BATCH_SECONDS = 4;
  let mailServer: MailServer;
  let db: TestDatabase;
  let dataDir: string;
  let api: ApiProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    mailServer = await startMailServer();
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-digest-'));
    chmodSync(dataDir, 0o755);
    env = {
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      MEDIA_WORKER: 'false',
      PUBLIC_URL: 'https://review.example.com',
      SMTP_URL: mailServer.url,
      NOTIFY_EMAIL_BATCH_SECONDS: String(BATCH_SECONDS),
    };
    api = await startApi(env);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    await mailServer?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("two of a client's notes a second apart reach the uploader as one mail, not before the window", async () => {
    const { editor, reviewer, versionId, client } = await projectWithClient(db, api.baseUrl, 'Digest');
    const started = Date.now();
    await note(client, versionId, { body: 'First thought', frame: 5 });
    await pause(1000);
    await note(client, versionId, { body: 'Second thought', frame: 6 });

    const [mail] = await mailsTo(mailServer, editor);
    expect(Date.now() - started).toBeGreaterThanOrEqual((BATCH_SECONDS - 1) * 1000);
    expect(mail.headers.get('subject')).toMatch(/^2 updates on Cut /);
    expect(mail.decoded).toContain('Cleo Digest (guest) left a note on');
    expect(mail.decoded).toContain('"First thought"');
    expect(mail.decoded).toContain('"Second thought"');
    // A note after the mail waits for a window of its own: a second mail, never a third.
    await note(client, versionId, { body: 'Third thought' });
    const mails = await mailsTo(mailServer, editor, 2);
    expect(mails[1].decoded).toContain('"Third thought"');
    expect(mails[1].decoded).not.toContain('First thought');
    await pause((BATCH_SECONDS + 2) * 1000);
    expect(mailsFor(mailServer, editor)).toHaveLength(2);
    // The reviewer never commented: nothing to tell them.
    expect(mailsFor(mailServer, reviewer)).toEqual([]);
    expect(await feed(reviewer)).toEqual([]);
  });

  it('"nothing" means no mail either; "mentions and replies" mails only those', async () => {
    const { editor, reviewer, director, projectId, versionId, client } = await projectWithClient(
      db,
      api.baseUrl,
      'Choice',
    );
    expect((await choose(editor, projectId, 'none')).status).toBe(200);
    expect((await choose(director, projectId, 'mentions')).status).toBe(200);
    await note(director, versionId, { body: 'Director was here' });
    await note(client, versionId, { body: 'A plain note' });
    await note(reviewer, versionId, { body: 'For @Dana Choice and @Edith Choice' });

    const [mail] = await mailsTo(mailServer, director);
    expect(mail.headers.get('subject')).toMatch(/^Rita Choice mentioned you on /);
    expect(mail.decoded).not.toContain('A plain note');
    await pause((BATCH_SECONDS + 2) * 1000);
    expect(mailsFor(mailServer, director)).toHaveLength(1);
    expect(mailsFor(mailServer, editor)).toEqual([]);
  });

  it('a digest pending when the server restarts is sent once by the next start', async () => {
    const { editor, versionId, client } = await projectWithClient(db, api.baseUrl, 'Restart');
    await note(client, versionId, { body: 'Before the restart' });
    await itemFor(editor, (i) => i.excerpt === 'Before the restart');
    await api.stop();
    api = await startApi(env);

    const [mail] = await mailsTo(mailServer, editor);
    expect(mail.decoded).toContain('"Before the restart"');
    await pause((BATCH_SECONDS + 2) * 1000);
    expect(mailsFor(mailServer, editor)).toHaveLength(1);
  });
});
