import type { ApprovalState, VersionApproval } from '@cutroom/contracts';

type ApprovalFacts = Pick<
  VersionApproval,
  | 'state'
  | 'approvedCount'
  | 'requiredCount'
  | 'pendingIds'
  | 'rule'
  | 'requiredApprovers'
  | 'decisions'
  | 'current'
>;

export interface ApprovalView {
  state: ApprovalState;
  /** A few words for a badge: "Approved", "Changes requested", "In review 1 of 3". */
  label: string;
  /** One sentence saying why: who asked for changes, who is still to decide. */
  detail: string;
}

/** "Ann", "Ann and Bo", "Ann, Bo and Cy". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function deciders(approval: ApprovalFacts, kind: 'approved' | 'changes_requested'): string[] {
  return approval.decisions
    .filter((decision) => decision.decision === kind)
    .map((decision) => decision.decidedBy?.displayName ?? 'A former member');
}

/** Where a round stands, in words; the same for a card's badge and the review page. */
export function describeApproval(approval: ApprovalFacts): ApprovalView {
  const required = approval.rule === 'required';
  switch (approval.state) {
    case 'approved':
      return {
        state: 'approved',
        label: 'Approved',
        detail: required
          ? `All ${approval.requiredCount} required ${approval.requiredCount === 1 ? 'approver' : 'approvers'} approved.`
          : `Approved by ${listNames(deciders(approval, 'approved'))}.`,
      };
    case 'changes_requested':
      return {
        state: 'changes_requested',
        label: 'Changes requested',
        detail: `${listNames(deciders(approval, 'changes_requested'))} requested changes.`,
      };
    case 'in_review': {
      if (!approval.current) {
        return {
          state: 'in_review',
          label: 'Superseded',
          detail: required
            ? `A newer version replaced it with ${approval.approvedCount} of ${approval.requiredCount} approved.`
            : 'A newer version replaced it before anyone decided.',
        };
      }
      if (!required) {
        return {
          state: 'in_review',
          label: 'In review',
          detail: 'No decision yet. Anyone who may approve can decide.',
        };
      }
      const pending = approval.requiredApprovers
        .filter((person) => approval.pendingIds.includes(person.id))
        .map((person) => person.displayName);
      return {
        state: 'in_review',
        label: `In review ${approval.approvedCount} of ${approval.requiredCount}`,
        detail:
          pending.length > 0
            ? `${approval.approvedCount} of ${approval.requiredCount} approved; waiting on ${listNames(pending)}.`
            : `${approval.approvedCount} of ${approval.requiredCount} approved.`,
      };
    }
  }
}
