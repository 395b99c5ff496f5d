import type { AssetEvent, AssetEventType } from '@cutroom/contracts';
import { eventForGuest } from './event-visibility.js';

const ROOT = '00000000-0000-4000-8000-000000000001';
const REPLY = '00000000-0000-4000-8000-000000000002';
const VERSION = '00000000-0000-4000-8000-000000000003';

const event = (type: AssetEventType, payload: unknown): AssetEvent => ({
  assetId: '00000000-0000-4000-8000-000000000004',
  seq: 7,
  type,
  actorId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  payload,
});
const comment = (internal: boolean, parentId: string | null = null) => ({
  id: parentId ? REPLY : ROOT,
  versionId: VERSION,
  parentId,
  internal,
  body: 'words',
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
    const item = { comment: { id: ROOT, internal: true }, replyCount: 1, addressed: null };
    expect(eventForGuest(event('comment.addressed', { versionId: VERSION, item }))).toBeUndefined();
    expect(eventForGuest(event('comment.unaddressed', { versionId: VERSION, item }))).toBeUndefined();
  });

  it('every event of a shared thread, and every event that is about no comment, as it is', () => {
    const shared = [
      event('comment.created', { comment: comment(false, ROOT) }),
      event('comment.updated', { comment: comment(false), wasInternal: false }),
      event('comment.deleted', { commentId: ROOT, versionId: VERSION, parentId: null, internal: false }),
      event('comment.reactions', { commentId: ROOT, versionId: VERSION, reactions: [], internal: false }),
      event('comment.addressed', { versionId: VERSION, item: { comment: { internal: false } } }),
      event('decision.recorded', { decision: { decision: 'approved' } }),
      event('version.created', null),
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

  it('keeps a comment event whose payload says nothing of its visibility from guests', () => {
    expect(eventForGuest(event('comment.created', { comment: { id: ROOT } }))).toBeUndefined();
    expect(eventForGuest(event('comment.reactions', { commentId: ROOT, reactions: [] }))).toBeUndefined();
    expect(eventForGuest(event('comment.deleted', null))).toBeUndefined();
  });
});
