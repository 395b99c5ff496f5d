import { type ActivitySource, type Audience, isActivityEvent, recipientsOf } from './activity-rules.js';

const members = new Set(['ann', 'bob', 'cat', 'dan']);
const told = (source: ActivitySource, audience: Partial<Audience> = {}) =>
  recipientsOf(source, { memberIds: members, ...audience }).sort((a, b) => a.userId.localeCompare(b.userId));

describe('who is told about a comment', () => {
  it('a mention tells exactly the members mentioned, never the author or outsiders', () => {
    expect(told({ type: 'comment.created', actorId: 'ann', mentions: ['bob', 'ann', 'zed'] })).toEqual([
      { userId: 'bob', kind: 'mention' },
    ]);
  });

  it('a comment that mentions nobody and answers nobody tells nobody', () => {
    expect(told({ type: 'comment.created', actorId: 'ann', mentions: [], parentId: null })).toEqual([]);
  });

  it("a reply tells the parent's author and the others who replied in the thread", () => {
    expect(
      told(
        { type: 'comment.created', actorId: 'cat', mentions: [], parentId: 'root' },
        { parentAuthorId: 'ann', earlierReplierIds: ['bob', 'cat', 'bob'] },
      ),
    ).toEqual([
      { userId: 'ann', kind: 'reply' },
      { userId: 'bob', kind: 'reply' },
    ]);
  });

  it('someone replying in their own thread is not told about it', () => {
    expect(
      told(
        { type: 'comment.created', actorId: 'ann', mentions: [], parentId: 'root' },
        { parentAuthorId: 'ann', earlierReplierIds: [] },
      ),
    ).toEqual([]);
  });

  it('a person both mentioned and answered gets one item, as a mention', () => {
    expect(
      told(
        { type: 'comment.created', actorId: 'bob', mentions: ['ann'], parentId: 'root' },
        { parentAuthorId: 'ann' },
      ),
    ).toEqual([{ userId: 'ann', kind: 'mention' }]);
  });

  it('a reply to someone who has left the project tells nobody', () => {
    expect(
      told(
        { type: 'comment.created', actorId: 'bob', mentions: [], parentId: 'root' },
        { parentAuthorId: 'gone', earlierReplierIds: ['left'] },
      ),
    ).toEqual([]);
  });

  it('an edit tells only those newly mentioned', () => {
    expect(
      told(
        { type: 'comment.updated', actorId: 'ann', mentions: ['bob', 'cat'], parentId: 'root' },
        { alreadyToldIds: new Set(['bob']), parentAuthorId: 'dan' },
      ),
    ).toEqual([{ userId: 'cat', kind: 'mention' }]);
  });
});

describe('who is told about a new note on a cut', () => {
  const note = { type: 'comment.created', actorId: 'cat', mentions: [], parentId: null } as const;

  it("the cut's uploader and everyone who commented on it, but not the note's author", () => {
    expect(told(note, { assetWorkerIds: ['ann', 'cat', 'bob', 'zed'] })).toEqual([
      { userId: 'ann', kind: 'comment' },
      { userId: 'bob', kind: 'comment' },
    ]);
  });

  it("a guest's note (no member wrote it) tells the uploader too", () => {
    expect(told({ ...note, actorId: 'guest-1' }, { assetWorkerIds: ['ann'] })).toEqual([
      { userId: 'ann', kind: 'comment' },
    ]);
  });

  it('someone mentioned, or answered, in it hears that rather than of a note', () => {
    expect(
      told(
        { ...note, mentions: ['bob'], parentId: 'root' },
        { assetWorkerIds: ['ann', 'bob', 'dan'], parentAuthorId: 'ann' },
      ),
    ).toEqual([
      { userId: 'ann', kind: 'reply' },
      { userId: 'bob', kind: 'mention' },
      { userId: 'dan', kind: 'comment' },
    ]);
  });
});

describe("what each member's chosen level lets through", () => {
  const levels = new Map([
    ['ann', 'mentions'],
    ['bob', 'none'],
  ] as const);

  it('"mentions and replies" keeps mentions and replies, and drops new notes, decisions and versions', () => {
    const audience = { assetWorkerIds: ['ann', 'dan'], levels, parentAuthorId: 'ann' };
    expect(
      told({ type: 'comment.created', actorId: 'cat', mentions: [], parentId: 'root' }, audience),
    ).toEqual([
      { userId: 'ann', kind: 'reply' },
      { userId: 'dan', kind: 'comment' },
    ]);
    expect(told({ type: 'comment.created', actorId: 'cat', mentions: [], parentId: null }, audience)).toEqual(
      [{ userId: 'dan', kind: 'comment' }],
    );
    expect(told({ type: 'decision.recorded', actorId: 'cat' }, audience)).toEqual([
      { userId: 'dan', kind: 'decision' },
    ]);
    expect(told({ type: 'version.created', actorId: 'cat' }, { levels })).toEqual([
      { userId: 'dan', kind: 'version' },
    ]);
  });

  it('"nothing" silences even a mention', () => {
    expect(told({ type: 'comment.created', actorId: 'cat', mentions: ['bob', 'ann'] }, { levels })).toEqual([
      { userId: 'ann', kind: 'mention' },
    ]);
  });
});

describe('who is told about a decision', () => {
  it('those who work on the asset, but not the person deciding', () => {
    expect(
      told({ type: 'decision.recorded', actorId: 'cat' }, { assetWorkerIds: ['ann', 'cat', 'zed'] }),
    ).toEqual([{ userId: 'ann', kind: 'decision' }]);
  });

  it('nobody when nobody works on it yet', () => {
    expect(told({ type: 'decision.recorded', actorId: 'cat' })).toEqual([]);
  });
});

describe('who is told about a new version', () => {
  it('every member of the project except the uploader', () => {
    expect(told({ type: 'version.created', actorId: 'ann' })).toEqual([
      { userId: 'bob', kind: 'version' },
      { userId: 'cat', kind: 'version' },
      { userId: 'dan', kind: 'version' },
    ]);
  });
});

describe('who is reminded of a due round', () => {
  it('exactly the pending approvers who are members, also those who hear only mentions, never who muted it', () => {
    const levels = new Map([
      ['bob', 'mentions' as const],
      ['cat', 'none' as const],
    ]);
    expect(
      told({ type: 'round.reminder', actorId: null, remind: ['bob', 'cat', 'dan', 'zed'] }, { levels }),
    ).toEqual([
      { userId: 'bob', kind: 'reminder' },
      { userId: 'dan', kind: 'reminder' },
    ]);
  });
});

describe('who is told of a live session on a cut', () => {
  it('those who work on the cut and were not in it, unless they hear only mentions', () => {
    const levels = new Map([['dan', 'mentions' as const]]);
    expect(
      told(
        { type: 'live.session', actorId: 'ann', present: ['ann', 'bob'] },
        { assetWorkerIds: ['ann', 'bob', 'cat', 'dan', 'zed'], levels },
      ),
    ).toEqual([{ userId: 'cat', kind: 'session' }]);
  });
});

describe('which events can make news', () => {
  it('comments, edits, decisions and new versions; not reactions, renames or status changes', () => {
    expect(
      ['comment.created', 'comment.updated', 'decision.recorded', 'version.created', 'live.session'].every(
        isActivityEvent,
      ),
    ).toBe(true);
    expect(
      ['comment.reactions', 'asset.renamed', 'version.updated', 'comment.resolved'].some(isActivityEvent),
    ).toBe(false);
  });
});
