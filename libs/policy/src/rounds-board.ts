import type { ApprovalState, RoundsBoardHeader } from '@cutroom/contracts';
import { type AccessRole, can } from './role-matrix';

/** What the board needs of a round's approval (a `VersionApproval`). */
export interface BoardApproval {
  state: ApprovalState;
  rule: 'required' | 'anyone';
  requiredApprovers: readonly { id: string }[];
  decisions: readonly { decision: string; decidedBy: { id: string } | null; createdAt: string }[];
}

/**
 * When the round became approved: the newest of the approvals that count toward it (the required
 * approvers', or anyone's when none are named). Null while it is not approved.
 */
export function approvedAt(approval: BoardApproval): string | null {
  if (approval.state !== 'approved') return null;
  const required = new Set(approval.requiredApprovers.map((person) => person.id));
  let newest: string | null = null;
  for (const decision of approval.decisions) {
    if (decision.decision !== 'approved' || !decision.decidedBy) continue;
    if (approval.rule === 'required' && !required.has(decision.decidedBy.id)) continue;
    if (newest === null || Date.parse(decision.createdAt) > Date.parse(newest)) newest = decision.createdAt;
  }
  return newest;
}

/** A round is overdue once its due date has passed while it is not approved. */
export function isOverdue(dueAt: string | null, state: ApprovalState, now: Date): boolean {
  return dueAt !== null && state !== 'approved' && Date.parse(dueAt) < now.getTime();
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** What the header counts of one row. */
export interface HeaderRow {
  state: ApprovalState;
  overdue: boolean;
  /** When the round went out, and when it was approved (null while not). */
  readyAt: string;
  approvedAt: string | null;
}

/** Counts per state, the overdue count and the median time to approval of the rows given. */
export function boardHeader(rows: readonly HeaderRow[], notReady: number): RoundsBoardHeader {
  const counts = { in_review: 0, changes_requested: 0, approved: 0 };
  const toApproval: number[] = [];
  let overdue = 0;
  for (const row of rows) {
    counts[row.state] += 1;
    if (row.overdue) overdue += 1;
    if (row.approvedAt !== null) {
      toApproval.push(Math.max(0, (Date.parse(row.approvedAt) - Date.parse(row.readyAt)) / 1000));
    }
  }
  return { counts, overdue, notReady, medianSecondsToApproval: median(toApproval) };
}

/** Who sets, moves or clears a round's due date: those who run the cut (owners, editors). */
export function maySetDueDate(role: AccessRole): boolean {
  return can(role, 'assets.manage');
}
