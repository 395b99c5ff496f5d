import type { ApprovalState, RoundsBoardRow } from '@cutroom/contracts';

export const boardSortKeys = ['attention', 'due', 'activity', 'name', 'notes'] as const;
export type BoardSortKey = (typeof boardSortKeys)[number];

export interface BoardFilters {
  mine: boolean;
  waitingOnMe: boolean;
  overdue: boolean;
  /** null: every state. */
  state: ApprovalState | null;
}

export const noFilters: BoardFilters = { mine: false, waitingOnMe: false, overdue: false, state: null };

export const stateLabels: Record<ApprovalState, string> = {
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
};

/** The order groups read in: what still needs someone first. */
export const stateOrder: readonly ApprovalState[] = ['in_review', 'changes_requested', 'approved'];

export function filterRows(rows: readonly RoundsBoardRow[], filters: BoardFilters): RoundsBoardRow[] {
  return rows.filter(
    (row) =>
      (!filters.mine || row.mine) &&
      (!filters.waitingOnMe || row.waitingOnMe) &&
      (!filters.overdue || row.overdue) &&
      (filters.state === null || row.state === filters.state),
  );
}

const toAddress = (row: RoundsBoardRow) => row.notes.carriedOver + row.notes.new;
const dueMs = (row: RoundsBoardRow) => (row.dueAt === null ? Infinity : Date.parse(row.dueAt));

/**
 * `attention`: overdue first, then waiting on me, then the soonest due, then the most recent.
 * `due`: soonest first, undated last. `activity`: most recent first. `notes`: most to address first.
 */
export function sortRows(rows: readonly RoundsBoardRow[], key: BoardSortKey): RoundsBoardRow[] {
  const byActivity = (a: RoundsBoardRow, b: RoundsBoardRow) =>
    b.lastActivityAt.localeCompare(a.lastActivityAt);
  const compare: Record<BoardSortKey, (a: RoundsBoardRow, b: RoundsBoardRow) => number> = {
    attention: (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(b.waitingOnMe) - Number(a.waitingOnMe) ||
      dueMs(a) - dueMs(b) ||
      byActivity(a, b),
    due: (a, b) => dueMs(a) - dueMs(b) || byActivity(a, b),
    activity: byActivity,
    // Cut 2 before Cut 10, as people number cuts.
    name: (a, b) => a.assetName.localeCompare(b.assetName, undefined, { numeric: true, sensitivity: 'base' }),
    notes: (a, b) => toAddress(b) - toAddress(a) || byActivity(a, b),
  };
  return [...rows].sort((a, b) => compare[key](a, b) || a.assetId.localeCompare(b.assetId));
}

/** Rows by state in `stateOrder`, keeping each group's order; empty groups left out. */
export function groupByState(
  rows: readonly RoundsBoardRow[],
): { state: ApprovalState; rows: RoundsBoardRow[] }[] {
  return stateOrder
    .map((state) => ({ state, rows: rows.filter((row) => row.state === state) }))
    .filter((group) => group.rows.length > 0);
}

/** "2 of 3 approved" or, when anyone may approve, "1 approval". */
export function approvalCount(row: RoundsBoardRow): string {
  if (row.rule === 'anyone') return row.approvedCount === 1 ? '1 approval' : `${row.approvedCount} approvals`;
  return `${row.approvedCount} of ${row.requiredCount} approved`;
}

/** "Waiting on Rita, Ravi", or nothing when nobody is pending. */
export function waitingOn(row: RoundsBoardRow): string {
  return row.pending.length === 0 ? '' : `Waiting on ${row.pending.map((p) => p.displayName).join(', ')}`;
}

/** A span of time as a person says it: "45 min", "5 h", "3 days". */
export function formatSpan(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/** A due date for a `datetime-local` input, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The round a cut is in, as the board shows it: its newest ready version. */
export function currentRound<V extends { number: number; status: string }>(
  versions: readonly V[],
): V | undefined {
  return versions.reduce<V | undefined>(
    (newest, version) =>
      version.status === 'ready' && (newest === undefined || version.number > newest.number)
        ? version
        : newest,
    undefined,
  );
}

/** Said before a date already past is set: it takes effect at once. */
export const PAST_DUE_WARNING =
  'That date is past: the round will be overdue at once and approvers reminded now.';

/** A `datetime-local` value (the browser's time zone) that is already past at `nowMs`. */
export function isPastLocalInput(value: string, nowMs: number): boolean {
  if (value === '') return false;
  const at = new Date(value).getTime();
  return !Number.isNaN(at) && at < nowMs;
}

/**
 * Where a key moves focus among `count` rows from row `at`: ↓ and ↑ one row (stopping at either
 * end), Home and End to the first and last; null for any other key, or when no row has focus.
 */
export function nextRowIndex(key: string, at: number, count: number): number | null {
  if (at < 0 || count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, at + 1);
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
