import { type ApiProcess } from './support/api-process.js';
import { Caller, type SignedIn, signUp } from './support/http-client.js';
import { readyNextVersion, readyVersion } from './support/review-fixture.js';
import { waitFor } from './support/socket-client.js';
import { type TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';
import {
  type Item,
  feed,
  itemFor,
  settle,
  unread,
  waitForCount,
  watchUnread,
} from './support/activity-feed.js';

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
    // Everyone told of one event is told in the same transaction: nobody else was, but for the
    // cut's uploader, who hears of a new note on it as such.
    expect((await feed(reviewer)).filter((i) => i.commentId === posted.id)).toEqual([]);
    expect((await feed(editor)).filter((i) => i.commentId === posted.id)).toEqual([
      expect.objectContaining({
        kind: 'comment',
        actor: { id: reviewer.user.id, displayName: 'Rita Reviewer' },
      }),
    ]);
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
