import type { Annotation, Comment } from '@cutroom/contracts';
import {
  drawingsAt,
  filterThreads,
  NO_FILTER,
  removeComment,
  threadComments,
  upsertComment,
  withReactions,
} from './comment-list';

const me = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
let made = 0;

function comment(change: Partial<Comment> = {}): Comment {
  made += 1;
  return {
    id: `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`,
    versionId: '33333333-3333-4333-8333-333333333333',
    assetId: '44444444-4444-4444-8444-444444444444',
    parentId: null,
    author: { id: me, displayName: 'Me' },
    body: 'note',
    frame: 0,
    frameEnd: null,
    internal: false,
    annotation: null,
    mentions: [],
    hashtags: [],
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    reactions: [],
    createdAt: `2025-06-01T12:00:${String(made % 60).padStart(2, '0')}.000Z`,
    editedAt: null,
    clientId: null,
    ...change,
  };
}

const arrow: Annotation = {
  version: 1,
  shapes: [{ id: 'a', kind: 'arrow', colour: '#ff3b30', strokeWidth: 0.005, from: [0, 0], to: [1, 1] }],
};

describe('the comment list', () => {
  it('sorts by frame, then by time, with general notes last and replies under their comment', () => {
    const late = comment({ frame: 40 });
    const general = comment({ frame: null });
    const early = comment({ frame: 3 });
    const sameFrameLater = comment({ frame: 3 });
    const reply = comment({ parentId: early.id, frame: null });
    const threads = threadComments([late, general, reply, sameFrameLater, early]);
    expect(threads.map((thread) => thread.comment.id)).toEqual([
      early.id,
      sameFrameLater.id,
      late.id,
      general.id,
    ]);
    expect(threads[0].replies.map((r) => r.id)).toEqual([reply.id]);
  });

  it('filters open, resolved, mine, with a drawing and by hashtag', () => {
    const open = comment({ hashtags: ['sound'] });
    const resolved = comment({ resolved: true, author: { id: other, displayName: 'Other' } });
    const drawn = comment({ annotation: arrow });
    const threads = threadComments([open, resolved, drawn]);
    const ids = (filter: Partial<typeof NO_FILTER>) =>
      filterThreads(threads, { ...NO_FILTER, ...filter }, me).map((t) => t.comment.id);
    expect(ids({ status: 'open' })).toEqual([open.id, drawn.id]);
    expect(ids({ status: 'resolved' })).toEqual([resolved.id]);
    expect(ids({ mine: true })).toEqual([open.id, drawn.id]);
    expect(ids({ hasDrawing: true })).toEqual([drawn.id]);
    expect(ids({ hashtag: '#Sound' })).toEqual([open.id]);
  });

  it('adds, replaces and removes comments by id, replies going with their comment', () => {
    const first = comment();
    const reply = comment({ parentId: first.id });
    let list = upsertComment([], first);
    list = upsertComment(list, reply);
    list = upsertComment(list, { ...first, body: 'edited' });
    expect(list.map((c) => c.body)).toEqual(['edited', 'note']);
    list = withReactions(list, first.id, [{ emoji: '👍', userIds: [me] }]);
    expect(list[0].reactions).toHaveLength(1);
    expect(removeComment(list, first.id)).toEqual([]);
  });

  it('shows a drawing on its frame and across its range only', () => {
    const point = comment({ frame: 10, annotation: arrow });
    const range = comment({ frame: 20, frameEnd: 30, annotation: arrow });
    const plain = comment({ frame: 10 });
    const list = [point, range, plain];
    expect(drawingsAt(list, 10).map((c) => c.id)).toEqual([point.id]);
    expect(drawingsAt(list, 11)).toEqual([]);
    expect(drawingsAt(list, 25).map((c) => c.id)).toEqual([range.id]);
    expect(drawingsAt(list, 30).map((c) => c.id)).toEqual([range.id]);
  });
});
