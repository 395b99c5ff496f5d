import type { ApprovalSummary, DecisionKind } from '@cutroom/contracts';

/** A person's decision on a version. */
export interface PersonDecision {
  userId: string;
  decision: DecisionKind;
}

export interface ApprovalInput {
  /** The approvers in effect for the round; empty when none are named. */
  requiredApproverIds: readonly string[];
  /**
   * Each person's current decision. If a person appears more than once, the first entry counts,
   * so a whole history ordered newest first may be passed as it is.
   */
  currentDecisions: readonly PersonDecision[];
}

/** Each person's newest decision, from a history ordered newest first; in that order. */
export function currentDecisions<T extends PersonDecision>(newestFirst: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const entry of newestFirst) if (!newest.has(entry.userId)) newest.set(entry.userId, entry);
  return [...newest.values()];
}

/**
 * Where a round stands.
 *
 * With required approvers: approved when every one of them approved; changes requested when any
 * of them asked for changes (that wins over approvals); otherwise in review, `approvedCount` of
 * `requiredCount`, waiting on `pendingIds` (those who have not decided). Decisions of anyone
 * else are recorded and shown but do not move the state.
 *
 * With none: everyone who has decided counts. Changes requested when anyone asked for changes;
 * approved when at least one person approved and nobody asked for changes; in review until then.
 * `requiredCount` is the number of people who decided, and nobody is pending.
 */
export function aggregateApproval(input: ApprovalInput): ApprovalSummary {
  const byPerson = new Map<string, DecisionKind>();
  for (const { userId, decision } of input.currentDecisions) {
    if (!byPerson.has(userId)) byPerson.set(userId, decision);
  }
  const required = [...new Set(input.requiredApproverIds)];

  if (required.length === 0) {
    const decisions = [...byPerson.values()];
    const approvedCount = decisions.filter((d) => d === 'approved').length;
    const state = decisions.includes('changes_requested')
      ? 'changes_requested'
      : approvedCount > 0
        ? 'approved'
        : 'in_review';
    return { state, approvedCount, requiredCount: decisions.length, pendingIds: [] };
  }

  const approvedCount = required.filter((id) => byPerson.get(id) === 'approved').length;
  const state = required.some((id) => byPerson.get(id) === 'changes_requested')
    ? 'changes_requested'
    : approvedCount === required.length
      ? 'approved'
      : 'in_review';
  return {
    state,
    approvedCount,
    requiredCount: required.length,
    pendingIds: required.filter((id) => !byPerson.has(id)),
  };
}
