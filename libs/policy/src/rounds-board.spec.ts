import { type BoardApproval, approvedAt, boardHeader, isOverdue, median } from './rounds-board';

const ana = { id: 'a' };
const ben = { id: 'b' };
const cam = { id: 'c' };

function approval(overrides: Partial<BoardApproval>): BoardApproval {
  return { state: 'approved', rule: 'required', requiredApprovers: [], decisions: [], ...overrides };
}

describe('when a round was approved', () => {
  it('is the newest approval among the required approvers, ignoring anyone else', () => {
    const at = approvedAt(
      approval({
        requiredApprovers: [ana, ben],
        decisions: [
          { decision: 'approved', decidedBy: cam, createdAt: '2026-01-05T00:00:00.000Z' },
          { decision: 'approved', decidedBy: ben, createdAt: '2026-01-03T00:00:00.000Z' },
          { decision: 'approved', decidedBy: ana, createdAt: '2026-01-02T00:00:00.000Z' },
        ],
      }),
    );
    expect(at).toBe('2026-01-03T00:00:00.000Z');
  });

  it('counts anyone’s approval when no approvers are named', () => {
    const at = approvedAt(
      approval({
        rule: 'anyone',
        decisions: [{ decision: 'approved', decidedBy: cam, createdAt: '2026-01-05T00:00:00.000Z' }],
      }),
    );
    expect(at).toBe('2026-01-05T00:00:00.000Z');
  });

  it('is null while the round is not approved', () => {
    expect(
      approvedAt(
        approval({
          state: 'in_review',
          requiredApprovers: [ana, ben],
          decisions: [{ decision: 'approved', decidedBy: ana, createdAt: '2026-01-02T00:00:00.000Z' }],
        }),
      ),
    ).toBeNull();
  });
});

describe('overdue rounds', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  it('are past their due date and not approved', () => {
    expect(isOverdue('2026-03-01T11:59:59.000Z', 'in_review', now)).toBe(true);
    expect(isOverdue('2026-03-01T11:59:59.000Z', 'changes_requested', now)).toBe(true);
  });
  it('are not the approved ones, the ones still in time, or the ones with no date', () => {
    expect(isOverdue('2026-03-01T11:59:59.000Z', 'approved', now)).toBe(false);
    expect(isOverdue('2026-03-01T12:00:01.000Z', 'in_review', now)).toBe(false);
    expect(isOverdue(null, 'in_review', now)).toBe(false);
  });
});

describe('the board header', () => {
  it('counts cuts per state and overdue, with the median time from going out to approval', () => {
    const header = boardHeader(
      [
        {
          state: 'approved',
          overdue: false,
          readyAt: '2026-01-01T00:00:00.000Z',
          approvedAt: '2026-01-01T01:00:00.000Z',
        },
        {
          state: 'approved',
          overdue: false,
          readyAt: '2026-01-01T00:00:00.000Z',
          approvedAt: '2026-01-01T03:00:00.000Z',
        },
        { state: 'in_review', overdue: true, readyAt: '2026-01-01T00:00:00.000Z', approvedAt: null },
        { state: 'changes_requested', overdue: true, readyAt: '2026-01-01T00:00:00.000Z', approvedAt: null },
        { state: 'in_review', overdue: false, readyAt: '2026-01-01T00:00:00.000Z', approvedAt: null },
      ],
      2,
    );
    expect(header).toEqual({
      counts: { in_review: 2, changes_requested: 1, approved: 2 },
      overdue: 2,
      notReady: 2,
      medianSecondsToApproval: 7200,
    });
  });

  it('has no median before anything is approved', () => {
    expect(boardHeader([], 0).medianSecondsToApproval).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});
