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

describe('which events can make news', () => {
  it('comments, edits, decisions and new versions; not reactions, renames or status changes', () => {
    expect(
      ['comment.created', 'comment.updated', 'decision.recorded', 'version.created'].every(isActivityEvent),
    ).toBe(true);
    expect(
      ['comment.reactions', 'asset.renamed', 'version.updated', 'comment.resolved'].some(isActivityEvent),
    ).toBe(false);
  });
});
