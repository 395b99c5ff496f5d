import type { RoundsBoard, RoundsBoardRow } from '@cutroom/contracts';
import { boardAt, nextDueMoment } from './due-clock';

const at = (iso: string) => Date.parse(iso);

function row(id: number, overrides: Partial<RoundsBoardRow>): RoundsBoardRow {
  const uuid = `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
  return {
    projectId: uuid,
    projectName: 'Spring',
    assetId: uuid,
    assetName: `Cut ${id}`,
    version: { id: uuid, number: 1, round: 1, readyAt: '2027-01-01T00:00:00.000Z' },
    newerVersion: null,
    state: 'in_review',
    rule: 'required',
    approvedCount: 0,
    requiredCount: 1,
    pending: [],
    notes: { carriedOver: 0, new: 0 },
    dueAt: null,
    overdue: false,
    approvedAt: null,
    lastActivityAt: '2027-01-01T00:00:00.000Z',
    mine: false,
    waitingOnMe: false,
    ...overrides,
  };
}

function board(rows: RoundsBoardRow[]): RoundsBoard {
  return {
    header: {
      counts: { in_review: rows.length, changes_requested: 0, approved: 0 },
      overdue: rows.filter((r) => r.overdue).length,
      notReady: 0,
      medianSecondsToApproval: null,
    },
    rows,
    asOf: '2027-01-01T09:00:00.000Z',
  };
}

describe('the next due moment', () => {
  it('is the earliest date still to come; past dates and rounds without one wait for nothing', () => {
    const now = at('2027-01-01T10:00:00Z');
    expect(
      nextDueMoment(['2027-01-01T12:00:00Z', null, '2027-01-01T09:00:00Z', '2027-01-01T10:30:00Z'], now),
    ).toBe(at('2027-01-01T10:30:00Z'));
    expect(nextDueMoment(['2027-01-01T09:00:00Z', null], now)).toBeNull();
  });
});

describe('the board as it stands now', () => {
  it('marks a round overdue once its date passes after the board was read, and counts it in the header', () => {
    const served = board([
      row(1, { dueAt: '2027-01-01T10:00:00.000Z' }),
      row(2, { dueAt: '2027-01-02T10:00:00.000Z' }),
    ]);
    expect(boardAt(served, new Date('2027-01-01T09:59:59Z'))).toBe(served);
    const later = boardAt(served, new Date('2027-01-01T10:00:01Z'));
    expect(later.rows.map((r) => r.overdue)).toEqual([true, false]);
    expect(later.header.overdue).toBe(1);
  });

  it('takes overdue off a round approved live since the board was read', () => {
    const served = board([row(1, { dueAt: '2027-01-01T08:00:00.000Z', overdue: true, state: 'approved' })]);
    const now = boardAt(served, new Date('2027-01-01T10:00:00Z'));
    expect(now.rows[0].overdue).toBe(false);
    expect(now.header.overdue).toBe(0);
  });
});
