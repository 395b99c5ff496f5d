import type { Decision } from '@cutroom/contracts';
import { currentDecisionOf, mergeHistories, upsertDecision } from './decision-history';

const ann = { id: '00000000-0000-4000-8000-00000000000a', displayName: 'Ann' };
const bo = { id: '00000000-0000-4000-8000-00000000000b', displayName: 'Bo' };

function decision(n: number, by: typeof ann, kind: Decision['decision'], versionNumber = 1): Decision {
  return {
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    versionId: `20000000-0000-4000-8000-${String(versionNumber).padStart(12, '0')}`,
    assetId: '30000000-0000-4000-8000-000000000001',
    decision: kind,
    note: null,
    byGuest: false,
    decidedBy: by,
    createdAt: `2025-06-01T12:00:0${n}.000Z`,
  };
}

describe('the decision history', () => {
  it('adds a change of mind on top and keeps the earlier decision on record', () => {
    const history = upsertDecision([decision(1, ann, 'approved')], decision(2, ann, 'changes_requested'));
    expect(history.map((d) => d.decision)).toEqual(['changes_requested', 'approved']);
  });

  it('holds each decision once, whether it came from the answer or the socket first', () => {
    const once = upsertDecision([], decision(1, ann, 'approved'));
    expect(upsertDecision(once, decision(1, ann, 'approved'))).toHaveLength(1);
  });

  it('merges several versions’ histories newest first', () => {
    const v1 = [decision(3, bo, 'approved', 1), decision(1, ann, 'changes_requested', 1)];
    const v2 = [decision(4, ann, 'approved', 2), decision(2, bo, 'changes_requested', 2)];
    expect(mergeHistories([v1, v2]).map((d) => d.createdAt.slice(17, 19))).toEqual(['04', '03', '02', '01']);
  });

  it('breaks a tie in time by id, as the API does', () => {
    const a = { ...decision(1, ann, 'approved'), createdAt: '2025-06-01T12:00:00.000Z' };
    const b = { ...decision(2, bo, 'approved'), createdAt: '2025-06-01T12:00:00.000Z' };
    expect(mergeHistories([[a, b]]).map((d) => d.id)).toEqual([b.id, a.id]);
  });

  it('finds my standing decision: my newest', () => {
    const history = [
      decision(3, bo, 'approved'),
      decision(2, ann, 'approved'),
      decision(1, ann, 'changes_requested'),
    ];
    expect(currentDecisionOf(history, ann.id)?.decision).toBe('approved');
    expect(currentDecisionOf(history, '00000000-0000-4000-8000-00000000000c')).toBeUndefined();
  });
});
