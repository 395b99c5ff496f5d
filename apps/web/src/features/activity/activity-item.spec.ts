import type { ActivityItem } from '@cutroom/contracts';
import {
  activityHref,
  compareItemIds,
  describeActivity,
  markPagesRead,
  newestItemId,
  unreadBadge,
} from './activity-item';

const assetId = '30000000-0000-4000-8000-000000000001';

function item(id: string, change: Partial<ActivityItem> = {}): ActivityItem {
  return {
    id,
    kind: 'mention',
    actor: { id: '00000000-0000-4000-8000-00000000000a', displayName: 'Rosa Reviewer' },
    project: { id: '50000000-0000-4000-8000-000000000001', name: 'Spot' },
    asset: { id: assetId, name: 'Trailer' },
    version: { id: '20000000-0000-4000-8000-000000000002', number: 2 },
    seq: 4,
    commentId: '40000000-0000-4000-8000-000000000001',
    frame: 12,
    decision: null,
    excerpt: 'Sky is too bright',
    createdAt: '2025-06-01T12:00:00.000Z',
    read: false,
    ...change,
  };
}

describe('an activity item in words', () => {
  it('says who did what, where', () => {
    expect(describeActivity(item('1'))).toEqual({
      headline: 'Rosa Reviewer mentioned you',
      where: 'Trailer v2 · Spot',
      href: `/assets/${assetId}?version=2&frame=12`,
    });
    expect(describeActivity(item('1', { kind: 'reply' })).headline).toBe('Rosa Reviewer replied');
    expect(describeActivity(item('1', { kind: 'decision', decision: 'approved' })).headline).toBe(
      'Rosa Reviewer approved v2',
    );
    expect(
      describeActivity(item('1', { kind: 'decision', decision: 'changes_requested', actor: null })).headline,
    ).toBe('Someone requested changes on v2');
    expect(describeActivity(item('1', { kind: 'version', frame: null })).headline).toBe(
      'Rosa Reviewer uploaded v2',
    );
    expect(describeActivity(item('1', { kind: 'reminder', actor: null, frame: null })).headline).toBe(
      'Your decision is due on v2',
    );
  });

  it('links to the cut at its version and frame, or just the cut', () => {
    expect(activityHref(item('1', { frame: 0 }))).toBe(`/assets/${assetId}?version=2&frame=0`);
    expect(activityHref(item('1', { frame: null }))).toBe(`/assets/${assetId}?version=2`);
    expect(activityHref(item('1', { version: null }))).toBe(`/assets/${assetId}`);
  });
});

describe('the unread count and marking read', () => {
  it('shows no badge for none and caps a long count', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe('7');
    expect(unreadBadge(100)).toBe('99+');
  });

  it('orders ids as the numbers they are, past what a double holds', () => {
    expect(compareItemIds('9', '10')).toBeLessThan(0);
    expect(compareItemIds('900719925474099312', '900719925474099311')).toBeGreaterThan(0);
    expect(newestItemId([{ items: [item('9'), item('10')] }, { items: [item('2')] }])).toBe('10');
    expect(newestItemId([{ items: [] }])).toBeNull();
  });

  it('marks one item read, or everything up to the newest seen and nothing newer', () => {
    const pages = [{ items: [item('12'), item('11')] }, { items: [item('9')] }];
    const one = markPagesRead(pages, { itemId: '11' });
    expect(one.flatMap((p) => p.items.map((i) => i.read))).toEqual([false, true, false]);
    const upTo = markPagesRead(pages, { upTo: '11' });
    expect(upTo.flatMap((p) => p.items.map((i) => i.read))).toEqual([false, true, true]);
    const all = markPagesRead(pages, { upTo: 'all' });
    expect(all.flatMap((p) => p.items.map((i) => i.read))).toEqual([true, true, true]);
  });
});
