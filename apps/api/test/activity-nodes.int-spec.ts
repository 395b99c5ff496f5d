import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, startApi } from './support/api-process.js';
import { Caller, signUp } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { waitFor } from './support/socket-client.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { feed, itemFor, settle, waitForCount, watchUnread } from './support/activity-feed.js';

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
      frameEnd: null,
      internal: false,
      annotation: null,
      mentions: [reviewer.user.id],
      hashtags: [],
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
      reactions: [],
      createdAt: new Date().toISOString(),
      editedAt: null,
      clientId: null,
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
