import { randomUUID } from 'node:crypto';
import type { ApiProcess } from './support/api-process.js';
import type { SignedIn } from './support/http-client.js';
import { signUpTeam } from './support/team.js';
import { readyVersion } from './support/review-fixture.js';
import { connectSocket, emitWithAck, waitFor } from './support/socket-client.js';
import type { TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';

const arrow = {
  version: 1,
  shapes: [
    { id: 's1', kind: 'arrow', colour: '#ff3b30', strokeWidth: 0.004, from: [0.1, 0.2], to: [0.5, 0.5] },
  ],
};

describe('frame-pinned comments', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let db: TestDatabase;
  let api: ApiProcess;
  let owner: SignedIn;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let projectId: string;
  let versionId: string;
  let assetId: string;

  beforeAll(async () => {
    ({ db, api } = server);
    ({ owner, editor, reviewer, viewer, outsider, projectId } = await signUpTeam(api.baseUrl, 'Review'));
    ({ versionId, assetId } = await readyVersion(db, editor, projectId, 240));
  });
  const post = (who: SignedIn, body: unknown) => who.caller.post(`/api/versions/${versionId}/comments`, body);

  it('a note pinned to a frame with a drawing comes back exactly as posted, with mentions and hashtags', async () => {
    const reply = await post(reviewer, {
      body: 'Sky is too warm here @Eddie Editor #grade',
      frame: 120,
      annotation: arrow,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      frame: 120,
      frameEnd: null,
      annotation: arrow,
      author: { id: reviewer.user.id, displayName: 'Rita Reviewer' },
      mentions: [editor.user.id],
      hashtags: ['grade'],
      resolved: false,
    });
  });

  it('lists notes by frame, then time, with replies under their thread, and filters', async () => {
    const general = (await post(editor, { body: 'Overall: nice pacing' })).body;
    const range = (await post(reviewer, { body: 'Music dips #mix', frame: 10, frameEnd: 48 })).body;
    const late = (await post(owner, { body: 'Last shot', frame: 239 })).body;
    const reply = (await post(editor, { body: 'Fixed in v2', parentId: range.id })).body;
    const list = (await viewer.caller.get(`/api/versions/${versionId}/comments`)).body.comments;
    const ids = list.map((c: { id: string }) => c.id);
    expect(ids.indexOf(general.id)).toBe(0);
    expect(ids.indexOf(reply.id)).toBe(ids.indexOf(range.id) + 1);
    expect(ids.indexOf(late.id)).toBe(ids.length - 1);
    const frames = list
      .filter((c: { parentId: string | null }) => !c.parentId)
      .map((c: { frame: number | null }) => c.frame);
    expect(frames).toEqual([...frames].sort((a, b) => (a ?? -1) - (b ?? -1)));

    const mix = (await viewer.caller.get(`/api/versions/${versionId}/comments?hashtag=mix`)).body.comments;
    expect(mix.map((c: { id: string }) => c.id)).toEqual([range.id, reply.id]);
    const drawn = (await viewer.caller.get(`/api/versions/${versionId}/comments?hasDrawing=true`)).body
      .comments;
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((c: { annotation: unknown }) => c.annotation !== null)).toBe(true);
    const mine = (await owner.caller.get(`/api/versions/${versionId}/comments?mine=true`)).body.comments;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([late.id]);
  });

  it('a reviewer cannot resolve someone else’s comment; its author and editors can', async () => {
    const note = (await post(owner, { body: 'Trim the head', frame: 5 })).body;
    const refused = await reviewer.caller.post(`/api/comments/${note.id}/resolve`);
    expect(refused.status).toBe(403);
    const resolved = await editor.caller.post(`/api/comments/${note.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: editor.user.id });
    const open = (await viewer.caller.get(`/api/versions/${versionId}/comments?status=open`)).body.comments;
    expect(open.some((c: { id: string }) => c.id === note.id)).toBe(false);
    const reopened = await owner.caller.post(`/api/comments/${note.id}/reopen`);
    expect(reopened.body.resolved).toBe(false);
  });

  it('only the author edits; the author or an owner deletes', async () => {
    const note = (await post(reviewer, { body: 'typo', frame: 7 })).body;
    expect((await editor.caller.patch(`/api/comments/${note.id}`, { body: 'hijack' })).status).toBe(403);
    const edited = await reviewer.caller.patch(`/api/comments/${note.id}`, {
      body: 'fixed #vfx',
      annotation: arrow,
    });
    expect(edited.body).toMatchObject({
      body: 'fixed #vfx',
      hashtags: ['vfx'],
      annotation: arrow,
      editedAt: expect.any(String),
    });
    expect((await editor.caller.delete(`/api/comments/${note.id}`)).status).toBe(403);
    expect((await owner.caller.delete(`/api/comments/${note.id}`)).status).toBe(204);
    expect((await owner.caller.delete(`/api/comments/${note.id}`)).status).toBe(404);
  });

  it('reactions are counted once per person and emoji', async () => {
    const note = (await post(owner, { body: 'Love this shot', frame: 30 })).body;
    await reviewer.caller.post(`/api/comments/${note.id}/reactions`, { emoji: '👍' });
    await reviewer.caller.post(`/api/comments/${note.id}/reactions`, { emoji: '👍' });
    const both = await editor.caller.post(`/api/comments/${note.id}/reactions`, { emoji: '👍' });
    expect(both.body.reactions).toEqual([{ emoji: '👍', userIds: [reviewer.user.id, editor.user.id] }]);
    const removed = await reviewer.caller.delete(
      `/api/comments/${note.id}/reactions/${encodeURIComponent('👍')}`,
    );
    expect(removed.body.reactions).toEqual([{ emoji: '👍', userIds: [editor.user.id] }]);
    expect((await viewer.caller.post(`/api/comments/${note.id}/reactions`, { emoji: '👍' })).status).toBe(
      403,
    );
    expect((await reviewer.caller.post(`/api/comments/${note.id}/reactions`, { emoji: '<b>' })).status).toBe(
      400,
    );
  });

  it('a retried post with the same client id is stored once', async () => {
    const clientId = randomUUID();
    const [a, b] = await Promise.all([
      post(reviewer, { body: 'Once only', frame: 50, clientId }),
      post(reviewer, { body: 'Once only', frame: 50, clientId }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const [{ count }] = await db.query<{ count: string }>(
      `SELECT count(*) FROM comments WHERE client_id = $1`,
      [clientId],
    );
    expect(count).toBe('1');
  });

  it('posts into one cut at the same moment are stored together, none lost, each event once in seq order', async () => {
    const posts = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        post([owner, editor, reviewer][n % 3], { body: `At once ${n}`, frame: n }),
      ),
    );
    expect(posts.map((p) => p.status)).toEqual(Array(30).fill(201));
    const ids = posts.map((p) => p.body.id);
    const rows = await db.query<{ id: string; xmin: string }>(
      `SELECT id, xmin::text FROM comments WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    expect(rows).toHaveLength(30);
    // Fewer transactions than posts: while one was being stored, the next ones gathered.
    expect(new Set(rows.map((r) => r.xmin)).size).toBeLessThan(30);
    const events = await db.query<{ n: number; id: string }>(
      `SELECT seq::int AS n, payload->'comment'->>'id' AS id FROM events
       WHERE asset_id = $1 AND type = 'comment.created' AND payload->'comment'->>'id' = ANY ($2::text[]) ORDER BY seq`,
      [assetId, ids],
    );
    expect(events.map((e) => e.id).sort()).toEqual([...ids].sort());
    const seqs = events.map((e) => e.n);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => seqs[0] + i));
  });

  it('replies keep landing while others resolve, react to, edit and hide the thread’s first note: no 5xx, none lost, events in order', async () => {
    const watcher = await connectSocket(api.baseUrl, viewer.token);
    try {
      expect((await emitWithAck(watcher.socket, 'asset:join', { assetId })).ok).toBe(true);
      const root = (await post(owner, { body: 'Busy thread', frame: 60 })).body;
      const on = (path: string) => `/api/comments/${root.id}${path}`;
      const actions = [
        () => owner.caller.post(on('/resolve')),
        () => owner.caller.post(on('/reactions'), { emoji: '🔥' }),
        () => owner.caller.patch(on(''), { internal: true }),
        () => owner.caller.patch(on(''), { body: 'Busy thread, edited' }),
        () => owner.caller.delete(on(`/reactions/${encodeURIComponent('🔥')}`)),
        () => owner.caller.patch(on(''), { internal: false }),
        () => owner.caller.post(on('/reopen')),
      ];
      let acting = true;
      const replied: { status: number; body: { id: string; code?: string } }[] = [];
      // Each poster keeps replying while the actions run, and until 14 of its replies are stored
      // however slow the machine (once the actions end, nothing refuses a reply), so the thread
      // always holds replies enough to lose.
      const posters = [editor, reviewer, owner].map(async (who, n) => {
        let landed = 0;
        for (let i = 0; acting || landed < 14; i += 1) {
          const reply = await post(who, { body: `reply ${n}.${i}`, parentId: root.id });
          replied.push(reply);
          if (reply.status === 201) landed += 1;
          else if (reply.status !== 409) break;
        }
      });
      const acted: number[] = [];
      for (let i = 0; i < 42; i += 1) acted.push((await actions[i % actions.length]()).status);
      acting = false;
      await Promise.all(posters);

      expect(acted.filter((status) => status >= 300)).toEqual([]);
      // A reply racing a visibility change may be refused as a clean conflict; nothing answers 5xx.
      const refused = replied.filter((r) => r.status !== 201);
      expect(
        refused.map((r) => `${r.status} ${r.body.code}`).filter((r) => r !== '409 thread_changed'),
      ).toEqual([]);
      const stored = replied.filter((r) => r.status === 201).map((r) => r.body.id);
      expect(stored.length).toBeGreaterThan(40);
      const list = (await owner.caller.get(`/api/versions/${versionId}/comments`)).body.comments;
      const listed = new Set(list.map((c: { id: string }) => c.id));
      expect(stored.filter((id) => !listed.has(id))).toEqual([]);

      // Every change was told once, in seq order without gaps, and each stored reply among them.
      const replay = await emitWithAck(watcher.socket, 'asset:join', { assetId, afterSeq: 0 });
      const seqs = replay.events.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      const created = new Set(
        replay.events
          .filter((e: { type: string }) => e.type === 'comment.created')
          .map((e: { payload: { comment: { id: string } } }) => e.payload.comment.id),
      );
      expect(stored.filter((id) => !created.has(id))).toEqual([]);
      await waitFor(() => watcher.events.at(-1)?.seq === seqs.at(-1));
      const live = watcher.events.map((e) => e.seq);
      expect(live).toEqual([...live].sort((a, b) => a - b));
    } finally {
      watcher.socket.close();
    }
  });

  describe('a non-member is refused everything, over REST and the socket', () => {
    let noteId: string;
    beforeAll(async () => {
      noteId = (await post(owner, { body: 'Members only', frame: 1 })).body.id;
    });

    it('over REST: 404 for every route, and nothing stored', async () => {
      const before = await db.query<{ count: string }>(`SELECT count(*) FROM comments`);
      const replies = await Promise.all([
        outsider.caller.get(`/api/versions/${versionId}/comments`),
        post(outsider, { body: 'let me in', frame: 1 }),
        outsider.caller.patch(`/api/comments/${noteId}`, { body: 'x' }),
        outsider.caller.delete(`/api/comments/${noteId}`),
        outsider.caller.post(`/api/comments/${noteId}/resolve`),
        outsider.caller.post(`/api/comments/${noteId}/reactions`, { emoji: '👍' }),
      ]);
      expect(replies.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
      const after = await db.query<{ count: string }>(`SELECT count(*) FROM comments`);
      expect(after[0].count).toBe(before[0].count);
    });

    it('over the socket: cannot join the room or post', async () => {
      const client = await connectSocket(api.baseUrl, outsider.token);
      expect((await emitWithAck(client.socket, 'asset:join', { assetId })).ok).toBe(false);
      const ack = await emitWithAck(client.socket, 'comment:create', {
        versionId,
        comment: { body: 'sneaky', frame: 3 },
      });
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 404 } });
      client.socket.disconnect();
    });

    it('a viewer may watch but not comment', async () => {
      expect((await post(viewer, { body: 'can I?' })).status).toBe(403);
    });
  });

  describe('bad payloads get an error and store nothing', () => {
    const bad: [string, unknown][] = [
      [
        'an unknown shape kind',
        { body: 'x', frame: 1, annotation: { version: 1, shapes: [{ ...arrow.shapes[0], kind: 'blob' }] } },
      ],
      [
        'NaN coordinates',
        {
          body: 'x',
          frame: 1,
          annotation: { version: 1, shapes: [{ ...arrow.shapes[0], from: [Number.NaN, 0] }] },
        },
      ],
      [
        'coordinates off the picture',
        { body: 'x', frame: 1, annotation: { version: 1, shapes: [{ ...arrow.shapes[0], to: [1.5, 0] }] } },
      ],
      [
        'a million points',
        {
          body: 'x',
          frame: 1,
          annotation: {
            version: 1,
            shapes: [
              {
                id: 'f',
                kind: 'freehand',
                colour: '#ffffff',
                strokeWidth: 0.01,
                points: new Array(2_000_000).fill(0.5),
              },
            ],
          },
        },
      ],
      ['a 1 MB body', { body: 'x'.repeat(1_000_000), frame: 1 }],
      ['a fractional frame', { body: 'x', frame: 1.5 }],
      ['a frame given as text', { body: 'x', frame: '12' }],
      ['a negative frame', { body: 'x', frame: -1 }],
      ['a frame beyond the last frame', { body: 'x', frame: 240 }],
      ['a range that ends before it starts', { body: 'x', frame: 20, frameEnd: 10 }],
      ['a drawing with no frame', { body: 'x', annotation: arrow }],
      ['an empty body', { body: '   ', frame: 1 }],
    ];

    it.each(bad)('%s', async (_what, payload) => {
      const before = await db.query<{ count: string }>(`SELECT count(*) FROM comments`);
      const reply = await post(reviewer, payload);
      expect([400, 413]).toContain(reply.status);
      expect(reply.body.statusCode).toBe(reply.status);
      const client = await connectSocket(api.baseUrl, reviewer.token);
      const ack = await emitWithAck(client.socket, 'comment:create', { versionId, comment: payload }).catch(
        () => ({
          ok: false,
          error: { statusCode: 413 },
        }),
      );
      expect(ack.ok).toBe(false);
      client.socket.disconnect();
      const after = await db.query<{ count: string }>(`SELECT count(*) FROM comments`);
      expect(after[0].count).toBe(before[0].count);
    });
  });

  it('everyone in the room sees a comment posted over the socket, and who else is watching where', async () => {
    const director = await connectSocket(api.baseUrl, reviewer.token);
    const editorSocket = await connectSocket(api.baseUrl, editor.token);
    await emitWithAck(editorSocket.socket, 'asset:join', { assetId });
    editorSocket.socket.emit('presence:update', { assetId, versionId, frame: 42, playing: false });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const joined = await emitWithAck(director.socket, 'asset:join', { assetId });
    expect(joined.presence).toEqual([
      expect.objectContaining({
        frame: 42,
        playing: false,
        user: { id: editor.user.id, displayName: 'Eddie Editor' },
      }),
    ]);
    const ack = await emitWithAck(director.socket, 'comment:create', {
      versionId,
      comment: { body: 'Live from the socket', frame: 99, annotation: arrow },
    });
    expect(ack.ok).toBe(true);
    const seen = await waitFor(() =>
      editorSocket.events.find(
        (e) => e.type === 'comment.created' && e.payload.comment.id === ack.comment.id,
      ),
    );
    expect(seen.payload.comment).toMatchObject({
      frame: 99,
      annotation: arrow,
      body: 'Live from the socket',
    });
    // Leaving the room (navigating away) takes the viewer out of everyone's presence.
    const left = new Promise((resolve) => director.socket.once('presence:left', resolve));
    await emitWithAck(editorSocket.socket, 'asset:leave', { assetId });
    expect(await left).toEqual({ socketId: editorSocket.socket.id, assetId });
    director.socket.disconnect();
    editorSocket.socket.disconnect();
  });
});
