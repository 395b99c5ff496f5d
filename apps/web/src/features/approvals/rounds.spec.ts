import type { Decision, Round } from '@cutroom/contracts';
import { describeRoundDecisions, describeRoundNotes, nextVersionNumbers, roundHistoryHref } from './rounds';

const v = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function round(n: number, notes: Round['notes'], kinds: Decision['decision'][] = []): Round {
  return {
    versionId: v(n),
    versionNumber: n,
    createdAt: '2025-06-01T12:00:00.000Z',
    notes,
    approval: {
      state: 'in_review',
      approvedCount: 0,
      requiredCount: 0,
      pendingIds: [],
      assetId: '30000000-0000-4000-8000-000000000001',
      versionId: v(n),
      versionNumber: n,
      current: true,
      rule: 'anyone',
      requiredApprovers: [],
      decisions: kinds.map((decision, i) => ({
        id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        versionId: v(n),
        assetId: '30000000-0000-4000-8000-000000000001',
        decision,
        note: null,
        byGuest: false,
        decidedBy: null,
        createdAt: '2025-06-01T12:00:00.000Z',
      })),
    },
  };
}

describe('summing up a revision round', () => {
  it('counts the notes, what is still open, what the next version addressed and what was resolved', () => {
    const r = round(1, { total: 5, open: 3, addressed: 2, stillOpen: 1 });
    expect(describeRoundNotes(r, 2)).toBe('5 notes · 1 still open · 2 addressed in v2 · 2 resolved');
    expect(describeRoundNotes(round(1, { total: 1, open: 1, addressed: 0, stillOpen: 1 }), null)).toBe(
      '1 note · 1 still open',
    );
    expect(describeRoundNotes(round(1, { total: 0, open: 0, addressed: 0, stillOpen: 0 }), null)).toBe(
      'No notes',
    );
  });

  it('counts each person’s standing decision', () => {
    const notes = { total: 0, open: 0, addressed: 0, stillOpen: 0 };
    expect(describeRoundDecisions(round(1, notes, ['approved', 'approved', 'changes_requested']))).toBe(
      '2 approved · 1 requested changes',
    );
    expect(describeRoundDecisions(round(1, notes))).toBe('No decisions');
  });

  it('knows which version came after each round', () => {
    const notes = { total: 0, open: 0, addressed: 0, stillOpen: 0 };
    const next = nextVersionNumbers([round(3, notes), round(2, notes), round(1, notes)]);
    expect(next.get(v(1))).toBe(2);
    expect(next.get(v(2))).toBe(3);
    expect(next.get(v(3))).toBeNull();
  });
});

describe('the round history file', () => {
  it('leaves internal notes out when asked, as the notes exports do', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(roundHistoryHref(id, true)).toBe(`/api/assets/${id}/round-history`);
    expect(roundHistoryHref(id, false)).toBe(`/api/assets/${id}/round-history?internal=false`);
  });
});
