import type { CarriedOverComment, CarriedOverList, Round, VersionApproval } from '@cutroom/contracts';
import {
  carriedOverCounts,
  newerAssetApproval,
  withAssetApproval,
  withCarriedOver,
  withRoundApproval,
} from './approval-merge';

const assetA = '30000000-0000-4000-8000-00000000000a';
const assetB = '30000000-0000-4000-8000-00000000000b';
const v = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function approval(
  assetId: string,
  versionNumber: number,
  change: Partial<VersionApproval> = {},
): VersionApproval {
  return {
    state: 'in_review',
    approvedCount: 0,
    requiredCount: 0,
    pendingIds: [],
    assetId,
    versionId: v(versionNumber),
    versionNumber,
    current: true,
    rule: 'anyone',
    requiredApprovers: [],
    decisions: [],
    ...change,
  };
}

function carried(n: number, addressed: boolean): CarriedOverComment {
  return {
    comment: {
      id: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      versionId: v(1),
      author: null,
      body: `note ${n}`,
      frame: n,
      frameEnd: null,
      internal: false,
      annotation: null,
      createdAt: '2025-06-01T12:00:00.000Z',
    },
    replyCount: 0,
    addressed: addressed ? { versionId: v(2), by: null, at: '2025-06-02T12:00:00.000Z' } : null,
    placement: null,
  };
}

describe('merging approval news into what is cached', () => {
  it('changes one card’s badge in the project and leaves the others', () => {
    const list = { approvals: [approval(assetA, 1), approval(assetB, 1)] };
    const merged = withAssetApproval(list, approval(assetA, 1, { state: 'approved' }));
    expect(merged.approvals.map((a) => a.state)).toEqual(['approved', 'in_review']);
  });

  it('does not let a closed round move the asset’s badge', () => {
    const list = { approvals: [approval(assetA, 2)] };
    expect(withAssetApproval(list, approval(assetA, 1, { current: false, state: 'approved' }))).toBe(list);
  });

  it('keeps the asset’s state on its newest version', () => {
    const current = approval(assetA, 2);
    expect(newerAssetApproval(current, approval(assetA, 1, { state: 'approved' }))).toBe(current);
    expect(newerAssetApproval(current, approval(assetA, 2, { state: 'approved' })).state).toBe('approved');
    expect(newerAssetApproval(current, approval(assetA, 3)).versionNumber).toBe(3);
  });

  it('replaces the approval of the round it belongs to', () => {
    const round = (n: number): Round => ({
      versionId: v(n),
      versionNumber: n,
      createdAt: '2025-06-01T12:00:00.000Z',
      notes: { total: 0, open: 0, addressed: 0, stillOpen: 0 },
      approval: approval(assetA, n),
    });
    const merged = withRoundApproval(
      { rounds: [round(2), round(1)] },
      approval(assetA, 2, { state: 'approved' }),
    );
    expect(merged.rounds.map((r) => r.approval.state)).toEqual(['approved', 'in_review']);
  });

  it('marks a carried-over note addressed in place, and counts what is still owed', () => {
    const list: CarriedOverList = {
      versionId: v(2),
      fromVersion: { id: v(1), number: 1 },
      comments: [carried(1, false), carried(2, false)],
    };
    const merged = withCarriedOver(list, carried(2, true));
    expect(merged.comments.map((c) => c.addressed !== null)).toEqual([false, true]);
    expect(carriedOverCounts(merged)).toEqual({ addressed: 1, open: 1 });
    expect(carriedOverCounts(withCarriedOver(merged, carried(2, false)))).toEqual({ addressed: 0, open: 2 });
  });
});
