import type { RoundsBoard, VersionApproval } from '@cutroom/contracts';
import { withRowApproval, withRows } from './rounds-board-events';

const ASSET = '00000000-0000-4000-8000-000000000001';
const VERSION = '00000000-0000-4000-8000-000000000002';
const RITA = { id: '00000000-0000-4000-8000-000000000003', displayName: 'Rita' };
const OLGA = { id: '00000000-0000-4000-8000-000000000004', displayName: 'Olga' };

const board: RoundsBoard = {
  asOf: '2026-01-01T00:00:00.000Z',
  header: {
    counts: { in_review: 1, changes_requested: 0, approved: 0 },
    overdue: 0,
    notReady: 0,
    medianSecondsToApproval: null,
  },
  rows: [
    {
      projectId: ASSET,
      projectName: 'Spring',
      assetId: ASSET,
      assetName: 'Trailer',
      version: { id: VERSION, number: 2, round: 2, readyAt: '2026-01-01T00:00:00.000Z' },
      newerVersion: null,
      state: 'in_review',
      rule: 'required',
      approvedCount: 0,
      requiredCount: 2,
      pending: [RITA, OLGA],
      notes: { carriedOver: 1, new: 0 },
      dueAt: null,
      overdue: false,
      approvedAt: null,
      lastActivityAt: '2026-01-01T00:00:00.000Z',
      mine: true,
      waitingOnMe: true,
    },
  ],
};

const approval = (overrides: Partial<VersionApproval>): VersionApproval => ({
  assetId: ASSET,
  versionId: VERSION,
  versionNumber: 2,
  current: true,
  rule: 'required',
  state: 'in_review',
  approvedCount: 0,
  requiredCount: 2,
  pendingIds: [],
  requiredApprovers: [RITA, OLGA],
  decisions: [],
  ...overrides,
});

describe('a decision arriving on the board', () => {
  it('moves its row at once: state, count and who is still pending', () => {
    const next = withRowApproval(board, approval({ state: 'changes_requested', pendingIds: [OLGA.id] }));
    expect(next.rows[0]).toMatchObject({ state: 'changes_requested', pending: [OLGA] });
  });

  it('counts the approval and leaves other rounds alone', () => {
    const next = withRowApproval(board, approval({ approvedCount: 1, pendingIds: [RITA.id] }));
    expect(next.rows[0]).toMatchObject({ approvedCount: 1, pending: [RITA] });
    const other = withRowApproval(board, approval({ versionId: ASSET, state: 'approved' }));
    expect(other.rows[0].state).toBe('in_review');
  });
});

describe('a cut’s row read again after a live change', () => {
  const row = board.rows[0];
  const other = { ...row, assetId: VERSION, assetName: 'Teaser', version: { ...row.version, id: ASSET } };
  const two: RoundsBoard = {
    ...board,
    header: { ...board.header, counts: { in_review: 2, changes_requested: 0, approved: 0 } },
    rows: [row, other],
  };

  it('takes the row as read, leaves the others, and counts the header again', () => {
    const approved = {
      ...row,
      state: 'approved' as const,
      approvedAt: '2026-01-01T02:00:00.000Z',
      notes: { carriedOver: 0, new: 3 },
    };
    const next = withRows(two, [ASSET], [approved], '2026-01-01T03:00:00.000Z');
    expect(next.rows).toEqual([approved, other]);
    expect(next.header).toEqual({
      counts: { in_review: 1, changes_requested: 0, approved: 1 },
      overdue: 0,
      notReady: 0,
      medianSecondsToApproval: 7200,
    });
    expect(next.asOf).toBe('2026-01-01T03:00:00.000Z');
  });

  it('drops a cut that is no longer on the board, and adds one that now is', () => {
    expect(withRows(two, [ASSET], [], two.asOf).rows).toEqual([other]);
    expect(withRows(board, [VERSION], [other], board.asOf).rows).toEqual([row, other]);
  });
});
