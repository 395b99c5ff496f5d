import type { RoundsBoardRow } from '@cutroom/contracts';
import {
  approvalCount,
  currentRound,
  isPastLocalInput,
  nextRowIndex,
  filterRows,
  groupByState,
  noFilters,
  sortRows,
  waitingOn,
} from './board-view';

let next = 0;
function row(overrides: Partial<RoundsBoardRow>): RoundsBoardRow {
  next += 1;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
  return {
    projectId: id,
    projectName: 'Spring',
    assetId: id,
    assetName: `Cut ${next}`,
    version: { id, number: 1, round: 1, readyAt: '2026-01-01T00:00:00.000Z' },
    newerVersion: null,
    state: 'in_review',
    rule: 'required',
    approvedCount: 0,
    requiredCount: 2,
    pending: [],
    notes: { carriedOver: 0, new: 0 },
    dueAt: null,
    overdue: false,
    approvedAt: null,
    lastActivityAt: '2026-01-01T00:00:00.000Z',
    mine: false,
    waitingOnMe: false,
    ...overrides,
  };
}

describe('filtering the board', () => {
  const mine = row({ mine: true });
  const waiting = row({ mine: true, waitingOnMe: true });
  const late = row({ overdue: true, state: 'changes_requested' });
  const rows = [mine, waiting, late];

  it('keeps what each filter asks for, all of them together', () => {
    expect(filterRows(rows, noFilters)).toEqual(rows);
    expect(filterRows(rows, { ...noFilters, mine: true })).toEqual([mine, waiting]);
    expect(filterRows(rows, { ...noFilters, waitingOnMe: true })).toEqual([waiting]);
    expect(filterRows(rows, { ...noFilters, overdue: true })).toEqual([late]);
    expect(filterRows(rows, { ...noFilters, state: 'changes_requested' })).toEqual([late]);
    expect(filterRows(rows, { ...noFilters, mine: true, overdue: true })).toEqual([]);
  });
});

describe('sorting the board', () => {
  it('puts overdue first, then what waits on me, then the soonest due, then the most recent', () => {
    const recent = row({ lastActivityAt: '2026-02-01T00:00:00.000Z' });
    const old = row({ lastActivityAt: '2026-01-01T00:00:00.000Z' });
    const dueSoon = row({ dueAt: '2026-03-01T00:00:00.000Z' });
    const waiting = row({ waitingOnMe: true });
    const late = row({ overdue: true, dueAt: '2026-01-01T00:00:00.000Z' });
    expect(sortRows([old, recent, dueSoon, waiting, late], 'attention')).toEqual([
      late,
      waiting,
      dueSoon,
      recent,
      old,
    ]);
  });

  it('by due date (undated last), by name, by notes to address', () => {
    const a = row({
      assetName: 'beta',
      dueAt: '2026-03-02T00:00:00.000Z',
      notes: { carriedOver: 1, new: 0 },
    });
    const b = row({ assetName: 'Alpha', dueAt: null, notes: { carriedOver: 2, new: 3 } });
    const c = row({ assetName: 'gamma', dueAt: '2026-03-01T00:00:00.000Z' });
    expect(sortRows([a, b, c], 'due')).toEqual([c, a, b]);
    expect(sortRows([a, b, c], 'name')).toEqual([b, a, c]);
    expect(sortRows([a, b, c], 'notes')).toEqual([b, a, c]);
  });

  it('by name as people number cuts: Cut 2 before Cut 10', () => {
    const ten = row({ assetName: 'Cut 10' });
    const two = row({ assetName: 'cut 2' });
    const one = row({ assetName: 'Cut 1' });
    expect(sortRows([ten, two, one], 'name')).toEqual([one, two, ten]);
  });
});

describe('grouping and wording', () => {
  it('groups by state, in review first, leaving out empty groups', () => {
    const approved = row({ state: 'approved' });
    const review = row({ state: 'in_review' });
    expect(groupByState([approved, review]).map((g) => [g.state, g.rows])).toEqual([
      ['in_review', [review]],
      ['approved', [approved]],
    ]);
  });

  it('says n of m approvals and who is pending', () => {
    const waitingRow = row({
      approvedCount: 1,
      requiredCount: 3,
      pending: [
        { id: '00000000-0000-4000-8000-000000000001', displayName: 'Rita' },
        { id: '00000000-0000-4000-8000-000000000002', displayName: 'Ravi' },
      ],
    });
    expect(approvalCount(waitingRow)).toBe('1 of 3 approved');
    expect(waitingOn(waitingRow)).toBe('Waiting on Rita, Ravi');
    expect(approvalCount(row({ rule: 'anyone', approvedCount: 1 }))).toBe('1 approval');
    expect(waitingOn(row({}))).toBe('');
  });
});

describe('the round a cut is in', () => {
  it('is its newest ready version, whatever is processing or failed after it', () => {
    const versions = [
      { number: 1, status: 'ready' },
      { number: 2, status: 'ready' },
      { number: 3, status: 'failed' },
      { number: 4, status: 'processing' },
    ];
    expect(currentRound(versions)).toEqual({ number: 2, status: 'ready' });
    expect(currentRound([{ number: 1, status: 'queued' }])).toBeUndefined();
  });
});

describe('a due date already past', () => {
  it('is a local date and time before now; an empty field is none', () => {
    const now = new Date(2027, 0, 10, 12, 0).getTime();
    expect(isPastLocalInput('2027-01-10T11:59', now)).toBe(true);
    expect(isPastLocalInput('2027-01-10T12:01', now)).toBe(false);
    expect(isPastLocalInput('', now)).toBe(false);
  });
});

describe('moving between rows by keyboard', () => {
  it('steps one row with the arrows, stopping at the ends, and jumps with Home and End', () => {
    expect(nextRowIndex('ArrowDown', 2, 5)).toBe(3);
    expect(nextRowIndex('ArrowDown', 4, 5)).toBe(4);
    expect(nextRowIndex('ArrowUp', 0, 5)).toBe(0);
    expect(nextRowIndex('Home', 3, 5)).toBe(0);
    expect(nextRowIndex('End', 0, 5)).toBe(4);
    expect(nextRowIndex('Enter', 0, 5)).toBeNull();
    expect(nextRowIndex('ArrowDown', -1, 5)).toBeNull();
  });
});
