import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { connectSocket, waitFor } from './support/socket-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';

interface Item {
  id: string;
  kind: string;
  actor: { id: string; displayName: string } | null;
  project: { id: string; name: string };
  asset: { id: string; name: string };
  version: { id: string; number: number } | null;
  seq: number;
  commentId: string | null;
  frame: number | null;
  decision: string | null;
  excerpt: string | null;
  read: boolean;
}

async function feed(person: SignedIn, limit = 100): Promise<Item[]> {
  const reply = await person.caller.get(`/api/activity?limit=${limit}`);
  expect(reply.status).toBe(200);
  return reply.body.items;
}

async function unread(person: SignedIn): Promise<number> {
  const reply = await person.caller.get('/api/activity/unread-count');
  expect(reply.status).toBe(200);
  return reply.body.count;
}

/** Polls the person's feed until an item matches: fan-out follows the commit by a moment. */
async function itemFor(person: SignedIn, match: (item: Item) => boolean): Promise<Item> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await feed(person)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching activity for ${person.user.displayName}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A socket that keeps every unread count pushed to it. */
async function watchUnread(baseUrl: string, person: SignedIn): Promise<{ socket: Socket; counts: number[] }> {
  const { socket } = await connectSocket(baseUrl, person.token);
  const counts: number[] = [];
  socket.on('activity:unread', (message: { count: number }) => counts.push(message.count));
  return { socket, counts };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('activity and notifications', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let db: TestDatabase;
  let api: ApiProcess;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let projectId: string;

  beforeAll(async () => {
    ({ db, api } = server);
    [editor, reviewer, viewer, outsider] = await Promise.all(
      ['Edith Editor', 'Rita Reviewer', 'Vic Viewer', 'Oscar Outsider'].map((n) => signUp(api.baseUrl, n)),
    );
    projectId = (await editor.caller.post('/api/projects', { name: 'Feature' })).body.id;
    for (const [who, role] of [
      [reviewer, 'reviewer'],
      [viewer, 'viewer'],
    ] as const) {
      await editor.caller.post(`/api/projects/${projectId}/members`, { email: who.user.email, role });
    }
  });

  const comment = async (who: SignedIn, versionId: string, body: Record<string, unknown>) => {
    const reply = await who.caller.post(`/api/versions/${versionId}/comments`, body);
    expect(reply.status).toBe(201);
    return reply.body as { id: string };
  };

  it('a mention tells exactly the member mentioned: not the author, not other members, not outsiders', async () => {
    const { versionId, assetId } = await readyVersion(db, editor, projectId);
    const posted = await comment(reviewer, versionId, {
      body: 'Sky is too warm @Vic Viewer — ask @Oscar Outsider?',
      frame: 48,
    });

    const item = await itemFor(viewer, (i) => i.commentId === posted.id);
    expect(item).toMatchObject({
      kind: 'mention',
      actor: { id: reviewer.user.id, displayName: 'Rita Reviewer' },
      project: { id: projectId, name: 'Feature' },
      asset: { id: assetId, name: expect.stringMatching(/^Cut /) },
      version: { id: versionId, number: 1 },
      frame: 48,
      decision: null,
      excerpt: 'Sky is too warm @Vic Viewer — ask @Oscar Outsider?',
      read: false,
    });
    // Everyone told of one event is told in the same transaction: nobody else was.
    expect((await feed(reviewer)).filter((i) => i.commentId === posted.id)).toEqual([]);
    expect((await feed(editor)).filter((i) => i.commentId === posted.id)).toEqual([]);
    expect(await feed(outsider)).toEqual([]);
    expect(await unread(outsider)).toBe(0);
  });

  it("a reply tells the parent's author, then everyone who took part in the thread", async () => {
    const { versionId } = await readyVersion(db, editor, projectId);
    const root = await comment(editor, versionId, { body: 'Is this cut too long?', frame: 12 });
    const first = await comment(reviewer, versionId, { body: 'A little, yes.', parentId: root.id });
    const toEditor = await itemFor(editor, (i) => i.commentId === first.id);
    expect(toEditor).toMatchObject({ kind: 'reply', frame: 12, excerpt: 'A little, yes.' });
    expect((await feed(viewer)).filter((i) => i.commentId === first.id)).toEqual([]);

    const critic = await signUp(api.baseUrl, 'Carl Critic');
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: critic.user.email,
      role: 'reviewer',
    });
    const second = await comment(critic, versionId, { body: 'Agreed.', parentId: root.id });
    await itemFor(editor, (i) => i.commentId === second.id && i.kind === 'reply');
    await itemFor(reviewer, (i) => i.commentId === second.id && i.kind === 'reply');
    expect((await feed(critic)).filter((i) => i.commentId === second.id)).toEqual([]);
    expect((await feed(viewer)).filter((i) => i.commentId === second.id)).toEqual([]);
  });

  it('an edit that adds a mention tells only the newly mentioned, once', async () => {
    const { versionId } = await readyVersion(db, editor, projectId);
    const posted = await comment(reviewer, versionId, { body: 'Check the titles @Edith Editor' });
    await itemFor(editor, (i) => i.commentId === posted.id);
    const edited = await reviewer.caller.patch(`/api/comments/${posted.id}`, {
      body: 'Check the end titles @Edith Editor @Vic Viewer',
    });
    expect(edited.status).toBe(200);
    const toViewer = await itemFor(viewer, (i) => i.commentId === posted.id);
    expect(toViewer).toMatchObject({
      kind: 'mention',
      excerpt: 'Check the end titles @Edith Editor @Vic Viewer',
    });
    const editorItems = (await feed(editor)).filter((i) => i.commentId === posted.id);
    expect(editorItems).toHaveLength(1);
    // The item shows the comment as it reads now.
    expect(editorItems[0].excerpt).toBe('Check the end titles @Edith Editor @Vic Viewer');
  });

  it('a new version tells every member of the project except its uploader', async () => {
    const { assetId } = await readyVersion(db, editor, projectId);
    const { versionId, number } = await readyNextVersion(db, editor, assetId);
    const forReviewer = await itemFor(reviewer, (i) => i.version?.id === versionId);
    const forViewer = await itemFor(viewer, (i) => i.version?.id === versionId);
    for (const item of [forReviewer, forViewer]) {
      expect(item).toMatchObject({
        kind: 'version',
        actor: { id: editor.user.id, displayName: 'Edith Editor' },
        version: { id: versionId, number },
        excerpt: 'cut-next.mov',
        commentId: null,
      });
    }
    expect((await feed(editor)).filter((i) => i.version?.id === versionId)).toEqual([]);
    expect(await feed(outsider)).toEqual([]);
  });

  it('a decision tells those who work on the asset, not the rest of the project', async () => {
    const { versionId, assetId } = await readyVersion(db, editor, projectId);
    const decided = await reviewer.caller.post(`/api/versions/${versionId}/decisions`, {
      decision: 'changes_requested',
      note: 'Trim the\nopening.',
    });
    expect(decided.status).toBe(201);
    const item = await itemFor(editor, (i) => i.kind === 'decision' && i.asset.id === assetId);
    expect(item).toMatchObject({
      actor: { id: reviewer.user.id },
      decision: 'changes_requested',
      excerpt: 'Trim the opening.',
      version: { id: versionId, number: 1 },
    });
    expect((await feed(viewer)).filter((i) => i.kind === 'decision' && i.asset.id === assetId)).toEqual([]);
    expect((await feed(reviewer)).filter((i) => i.kind === 'decision' && i.asset.id === assetId)).toEqual([]);
  });

  it('the unread count arrives live on the socket and drops when items are marked read', async () => {
    const { versionId } = await readyVersion(db, editor, projectId);
    await itemFor(viewer, (i) => i.kind === 'version' && i.version?.id === versionId);
    expect((await viewer.caller.post('/api/activity/read', {})).body).toEqual({ count: 0 });
    await settle();
    const live = await watchUnread(api.baseUrl, viewer);
    try {
      const first = await comment(reviewer, versionId, { body: '@Vic Viewer one' });
      await waitFor(() => live.counts.includes(1));
      const second = await comment(reviewer, versionId, { body: '@Vic Viewer two' });
      await waitFor(() => live.counts.includes(2));
      expect(await unread(viewer)).toBe(2);

      const firstItem = await itemFor(viewer, (i) => i.commentId === first.id);
      const readOne = await viewer.caller.post('/api/activity/read', { upTo: firstItem.id });
      expect(readOne.body).toEqual({ count: 1 });
      await waitFor(() => live.counts.at(-1) === 1 && live.counts.length === 3);
      const items = await feed(viewer);
      expect(items.find((i) => i.commentId === first.id)?.read).toBe(true);
      expect(items.find((i) => i.commentId === second.id)?.read).toBe(false);

      const secondItem = await itemFor(viewer, (i) => i.commentId === second.id);
      expect((await viewer.caller.post(`/api/activity/${secondItem.id}/read`)).body).toEqual({ count: 0 });
      await waitFor(() => live.counts.at(-1) === 0);
      // Marking again changes nothing, and pushes nothing.
      expect((await viewer.caller.post(`/api/activity/${secondItem.id}/read`)).body).toEqual({ count: 0 });
      expect((await viewer.caller.post('/api/activity/read', { upTo: 'all' })).body).toEqual({ count: 0 });
      await settle();
      expect(live.counts).toEqual([1, 2, 1, 0]);
    } finally {
      live.socket.disconnect();
    }
  });

  it('nobody else hears my unread count', async () => {
    const { versionId } = await readyVersion(db, editor, projectId);
    const spy = await watchUnread(api.baseUrl, outsider);
    const author = await watchUnread(api.baseUrl, reviewer);
    try {
      const posted = await comment(reviewer, versionId, { body: 'for @Edith Editor only' });
      await itemFor(editor, (i) => i.commentId === posted.id);
      await settle();
      expect(spy.counts).toEqual([]);
      expect(author.counts).toEqual([]);
    } finally {
      spy.socket.disconnect();
      author.socket.disconnect();
    }
  });

  it('someone removed from a project stops seeing its items', async () => {
    const leaving = await signUp(api.baseUrl, 'Lee Leaving');
    const other = (await editor.caller.post('/api/projects', { name: 'Secret' })).body.id;
    await editor.caller.post(`/api/projects/${other}/members`, {
      email: leaving.user.email,
      role: 'reviewer',
    });
    const { versionId } = await readyVersion(db, editor, other);
    const item = await itemFor(leaving, (i) => i.version?.id === versionId);
    expect(await unread(leaving)).toBe(1);

    expect((await editor.caller.delete(`/api/projects/${other}/members/${leaving.user.id}`)).status).toBe(
      204,
    );
    expect(await feed(leaving)).toEqual([]);
    expect(await unread(leaving)).toBe(0);
    const refused = await leaving.caller.post(`/api/activity/${item.id}/read`);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'activity_item_not_found' });
  });

  it('a deleted comment takes its items with it', async () => {
    const { versionId } = await readyVersion(db, editor, projectId);
    const posted = await comment(reviewer, versionId, { body: 'oops @Edith Editor' });
    await itemFor(editor, (i) => i.commentId === posted.id);
    expect((await reviewer.caller.delete(`/api/comments/${posted.id}`)).status).toBe(204);
    expect((await feed(editor)).filter((i) => i.commentId === posted.id)).toEqual([]);
  });

  it('pages are stable: newest first, each item once, even while new ones arrive', async () => {
    const reader = await signUp(api.baseUrl, 'Paula Pager');
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: reader.user.email,
      role: 'viewer',
    });
    const { versionId } = await readyVersion(db, editor, projectId);
    await itemFor(reader, (i) => i.version?.id === versionId);
    for (let i = 0; i < 7; i++) await comment(reviewer, versionId, { body: `@Paula Pager note ${i}` });
    await waitForCount(reader, 8);
    const whole = await feed(reader);
    expect(whole.map((i) => i.excerpt)).toEqual([
      ...[6, 5, 4, 3, 2, 1, 0].map((i) => `@Paula Pager note ${i}`),
      expect.any(String),
    ]);

    const seen: Item[] = [];
    let before: string | null = null;
    do {
      const page: { status: number; body: { items: Item[]; nextCursor: string | null } } =
        await reader.caller.get(`/api/activity?limit=3${before ? `&before=${before}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items);
      before = page.body.nextCursor;
      // Something new arrives between pages: it goes on top, never into a later page.
      if (seen.length === 3) await comment(reviewer, versionId, { body: '@Paula Pager late' });
    } while (before);
    expect(seen.map((i) => i.id)).toEqual(whole.map((i) => i.id));
    await waitForCount(reader, 9);
    expect((await feed(reader))[0].excerpt).toBe('@Paula Pager late');
  });

  it('refuses bad cursors, limits and bodies, and anyone signed out', async () => {
    for (const query of ['limit=0', 'limit=101', 'before=abc', 'before=0', 'surprise=1']) {
      expect((await viewer.caller.get(`/api/activity?${query}`)).status).toBe(400);
    }
    expect((await viewer.caller.post('/api/activity/read', { upTo: 'some' })).status).toBe(400);
    expect((await viewer.caller.post('/api/activity/read', { upTo: '5', all: true })).status).toBe(400);
    expect((await viewer.caller.post('/api/activity/abc/read')).status).toBe(400);
    expect((await viewer.caller.post('/api/activity/999999999/read')).status).toBe(404);
    const signedOut = new Caller(api.baseUrl);
    expect((await signedOut.get('/api/activity')).status).toBe(401);
    expect((await signedOut.get('/api/activity/unread-count')).status).toBe(401);
    expect((await signedOut.post('/api/activity/read', {})).status).toBe(401);
  });

  it("someone else's item is not found", async () => {
    const { versionId } = await readyVersion(db, editor, projectId);
    const posted = await comment(reviewer, versionId, { body: 'hey @Vic Viewer' });
    const item = await itemFor(viewer, (i) => i.commentId === posted.id);
    expect((await editor.caller.post(`/api/activity/${item.id}/read`)).status).toBe(404);
    expect((await feed(viewer)).find((i) => i.id === item.id)?.read).toBe(false);
  });
});

async function waitForCount(person: SignedIn, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await feed(person)).length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} items for ${person.user.displayName}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('activity across api nodes', () => {
  let db: TestDatabase;
  let nodeA: ApiProcess;
  let nodeB: ApiProcess;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cutroom-activity-'));
    chmodSync(dataDir, 0o755);
    env = { DATABASE_URL: db.url, DATA_DIR: dataDir, MEDIA_WORKER: 'false' };
    [nodeA, nodeB] = await Promise.all([startApi(env), startApi(env)]);
  });
  afterAll(async () => {
    await nodeA?.stop();
    await nodeB?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an item created through node A reaches the person on node B once, and is stored once', async () => {
    const editor = await signUp(nodeA.baseUrl, 'Ada Editor');
    const reviewer = await signUp(nodeA.baseUrl, 'Ben Reviewer');
    const projectId = (await editor.caller.post('/api/projects', { name: 'Two nodes' })).body.id;
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: reviewer.user.email,
      role: 'reviewer',
    });
    const { versionId } = await readyVersion(db, editor, projectId);
    await itemFor(reviewer, (i) => i.version?.id === versionId);
    await reviewer.caller.post('/api/activity/read', {});

    const onA = await watchUnread(nodeA.baseUrl, reviewer);
    const onB = await watchUnread(nodeB.baseUrl, reviewer);
    try {
      const posted = await editor.caller.post(`/api/versions/${versionId}/comments`, {
        body: 'over to you @Ben Reviewer',
      });
      expect(posted.status).toBe(201);
      await waitFor(() => onB.counts.length > 0 && onA.counts.length > 0);
      await settle();
      expect(onB.counts).toEqual([1]);
      expect(onA.counts).toEqual([1]);
    } finally {
      onA.socket.disconnect();
      onB.socket.disconnect();
    }
  });

  it('a burst through both nodes leaves exactly one item per comment', async () => {
    const editor = await signUp(nodeB.baseUrl, 'Cara Editor');
    const reviewer = await signUp(nodeB.baseUrl, 'Dev Reviewer');
    const projectId = (await editor.caller.post('/api/projects', { name: 'Burst' })).body.id;
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: reviewer.user.email,
      role: 'reviewer',
    });
    const { versionId } = await readyVersion(db, editor, projectId);
    const live = await watchUnread(nodeB.baseUrl, reviewer);
    try {
      const posted = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const node = i % 2 === 0 ? nodeA : nodeB;
          const reply = await fetch(`${node.baseUrl}/api/versions/${versionId}/comments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ body: `@Dev Reviewer burst ${i}` }),
          });
          expect(reply.status).toBe(201);
          return ((await reply.json()) as { id: string }).id;
        }),
      );
      await waitForCount(reviewer, 31);
      const items = await feed(reviewer);
      expect(items).toHaveLength(31);
      expect(new Set(items.map((i) => i.commentId).filter(Boolean))).toEqual(new Set(posted));
      await waitFor(() => live.counts.at(-1) === 31);
      const [{ count }] = await db.query<{ count: string }>(
        `SELECT count(*) FROM notifications WHERE user_id = $1`,
        [reviewer.user.id],
      );
      expect(Number(count)).toBe(31);
    } finally {
      live.socket.disconnect();
    }
  });

  it('an event nobody heard is fanned out when a node starts', async () => {
    const editor = await signUp(nodeA.baseUrl, 'Eve Editor');
    const reviewer = await signUp(nodeA.baseUrl, 'Finn Reviewer');
    const projectId = (await editor.caller.post('/api/projects', { name: 'Unheard' })).body.id;
    await editor.caller.post(`/api/projects/${projectId}/members`, {
      email: reviewer.user.email,
      role: 'reviewer',
    });
    const { versionId, assetId } = await readyVersion(db, editor, projectId);
    await itemFor(reviewer, (i) => i.version?.id === versionId);
    await Promise.all([nodeA.stop(), nodeB.stop()]);

    // A comment stored as the api stores it, but whose NOTIFY nobody heard.
    const commentId = randomUUID();
    const comment = {
      id: commentId,
      versionId,
      assetId,
      parentId: null,
      author: { id: editor.user.id, displayName: 'Eve Editor' },
      body: 'unheard @Finn Reviewer',
      frame: null,
      mentions: [reviewer.user.id],
    };
    await db.query(
      `WITH c AS (INSERT INTO comments (id, version_id, asset_id, author_id, body, mentions)
                  VALUES ($1, $2, $3, $4, $5, $6) RETURNING id),
            bumped AS (UPDATE assets SET last_seq = last_seq + 1 WHERE id = $3 AND EXISTS (SELECT 1 FROM c)
                       RETURNING last_seq)
       INSERT INTO events (asset_id, seq, type, actor_id, payload)
       SELECT $3, last_seq, 'comment.created', $4, $7 FROM bumped`,
      [
        commentId,
        versionId,
        assetId,
        editor.user.id,
        comment.body,
        comment.mentions,
        JSON.stringify({ comment }),
      ],
    );
    const stored = () => db.query(`SELECT 1 FROM notifications WHERE comment_id = $1`, [commentId]);
    expect(await stored()).toEqual([]);

    nodeA = await startApi(env);
    const restarted = { ...reviewer, caller: new Caller(nodeA.baseUrl, { token: reviewer.token }) };
    const item = await itemFor(restarted, (i) => i.commentId === commentId);
    expect(item).toMatchObject({ kind: 'mention', actor: { id: editor.user.id } });
    expect(await stored()).toHaveLength(1);
  });
});
