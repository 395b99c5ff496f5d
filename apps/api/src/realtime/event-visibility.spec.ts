import type { AssetEvent, AssetEventPayload, AssetEventType, Comment } from '@cutroom/contracts';
import { eventForGuest } from './event-visibility.js';

const ROOT = '00000000-0000-4000-8000-000000000001';
const REPLY = '00000000-0000-4000-8000-000000000002';
const VERSION = '00000000-0000-4000-8000-000000000003';
const ASSET = '00000000-0000-4000-8000-000000000004';
const AT = '2026-01-01T00:00:00.000Z';

const event = <T extends AssetEventType>(type: T, payload: AssetEventPayload<T>): AssetEvent =>
  ({ assetId: ASSET, seq: 7, type, actorId: null, createdAt: AT, payload }) as AssetEvent;
/** An event as an older release or a damaged row might hold it: not its type's payload. */
const unreadable = (type: AssetEventType, payload: unknown): AssetEvent =>
  ({ assetId: ASSET, seq: 7, type, actorId: null, createdAt: AT, payload }) as unknown as AssetEvent;
const comment = (internal: boolean, parentId: string | null = null): Comment => ({
  id: parentId ? REPLY : ROOT,
  versionId: VERSION,
  assetId: ASSET,
  parentId,
  author: null,
  body: 'words',
  frame: null,
  frameEnd: null,
  internal,
  annotation: null,
  mentions: [],
  hashtags: [],
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  reactions: [],
  createdAt: AT,
  editedAt: null,
  clientId: null,
});
const carried = (internal: boolean) => ({
  versionId: VERSION,
  item: {
    comment: {
      id: ROOT,
      versionId: VERSION,
      author: null,
      body: 'words',
      frame: 3,
      frameEnd: null,
      internal,
      annotation: null,
      createdAt: AT,
    },
    replyCount: 1,
    addressed: null,
  },
});

describe('what a review-link guest receives of an event', () => {
  it('nothing of an internal thread: a note or reply posted, edited, resolved, reacted to, deleted, addressed', () => {
    for (const type of [
      'comment.created',
      'comment.updated',
      'comment.resolved',
      'comment.reopened',
    ] as const) {
      expect(eventForGuest(event(type, { comment: comment(true) }))).toBeUndefined();
      expect(eventForGuest(event(type, { comment: comment(true, ROOT) }))).toBeUndefined();
    }
    const row = { commentId: REPLY, versionId: VERSION, parentId: ROOT, internal: true };
    expect(eventForGuest(event('comment.deleted', row))).toBeUndefined();
    expect(eventForGuest(event('comment.reactions', { ...row, reactions: [] }))).toBeUndefined();
    expect(eventForGuest(event('comment.addressed', carried(true)))).toBeUndefined();
    expect(eventForGuest(event('comment.unaddressed', carried(true)))).toBeUndefined();
  });

  it('every event of a shared thread, and every event that is about no comment, as it is', () => {
    const shared = [
      event('comment.created', { comment: comment(false, ROOT) }),
      event('comment.updated', { comment: comment(false), wasInternal: false }),
      event('comment.deleted', { commentId: ROOT, versionId: VERSION, parentId: null, internal: false }),
      event('comment.reactions', { commentId: ROOT, versionId: VERSION, reactions: [], internal: false }),
      event('comment.addressed', carried(false)),
      event('asset.renamed', { name: 'Trailer' }),
      event('version.deleted', { versionId: VERSION }),
    ];
    for (const given of shared) expect(eventForGuest(given)).toBe(given);
  });

  it('a thread made internal as its deletion, so the guest who saw it loses it; its replies as nothing', () => {
    const hidden = eventForGuest(event('comment.updated', { comment: comment(true), wasInternal: false }));
    expect(hidden).toMatchObject({
      seq: 7,
      type: 'comment.deleted',
      payload: { commentId: ROOT, versionId: VERSION, parentId: null, internal: false },
    });
    expect(JSON.stringify(hidden)).not.toContain('words');
    const reply = event('comment.updated', { comment: comment(true, ROOT), wasInternal: false });
    expect(eventForGuest(reply)).toBeUndefined();
  });

  it('a thread made shared: the guest gets it and each of its replies', () => {
    const root = event('comment.updated', { comment: comment(false), wasInternal: true });
    const reply = event('comment.updated', { comment: comment(false, ROOT), wasInternal: true });
    expect(eventForGuest(root)).toBe(root);
    expect(eventForGuest(reply)).toBe(reply);
  });

  it('an edit stored before edits said what the thread was: shown as the thread now is', () => {
    const shared = event('comment.updated', { comment: comment(false) });
    expect(eventForGuest(shared)).toBe(shared);
    expect(eventForGuest(event('comment.updated', { comment: comment(true) }))).toBeUndefined();
  });

  it('keeps a comment event whose payload is not its type’s, or says nothing of its visibility, from guests', () => {
    expect(
      eventForGuest(unreadable('comment.created', { comment: { id: ROOT, internal: false } })),
    ).toBeUndefined();
    expect(eventForGuest(unreadable('comment.deleted', null))).toBeUndefined();
    // Stored before threads had one visibility, and not repaired as internal.
    const old = event('comment.reactions', { commentId: ROOT, versionId: VERSION, reactions: [] });
    expect(eventForGuest(old)).toBeUndefined();
  });
});
