import type { ProjectRole, Version, VersionApproval } from '@cutroom/contracts';
import { mayChooseApprovers, mayDecide } from '@cutroom/policy';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { useDismiss } from '../../lib/use-dismiss';
import { useCurrentUser } from '../auth/session-queries';
import { versionLabel } from '../assets/version-status';
import { useVersionApproval } from './approval-queries';
import { describeApproval } from './approval-state';
import { ApprovalBadge } from './ApprovalBadge';
import { decisionBlocker } from './decision-blocker';
import { currentDecisionOf } from './decision-history';
import { DecisionButtons, DecisionNote, useDecision } from './DecisionForm';
import { DecisionHistory } from './DecisionHistory';
import { RequiredApprovers } from './RequiredApprovers';

interface ApprovalControlProps {
  projectId: string;
  version: Version;
  /** The whole stack, for the history of every round. */
  versions: readonly Version[];
  /** The asset's newest version number: only its round is open. */
  newestNumber: number;
  /** The caller's role; null while the project loads. */
  role: ProjectRole | null;
  /** A member of the team, not a review-link guest: adds and reads team-only decision notes. */
  team: boolean;
}

/** "1/2 approvals" where the badge does not already say it. */
function approvalCount(approval: VersionApproval): string | null {
  if (approval.rule === 'required') {
    if (approval.state === 'in_review' && approval.current) return null;
    return `${approval.approvedCount}/${approval.requiredCount} approvals`;
  }
  const approvals = approval.decisions.filter((decision) => decision.decision === 'approved').length;
  return approvals === 0 ? null : `${approvals} ${approvals === 1 ? 'approval' : 'approvals'}`;
}

/**
 * The round in the page's header: where it stands, Approve and Request changes for those who may,
 * and a popover with the reasons, the required approvers and the decision history.
 */
export function ApprovalControl({
  projectId,
  version,
  versions,
  newestNumber,
  role,
  team,
}: ApprovalControlProps) {
  const user = useCurrentUser();
  const approval = useVersionApproval(version.assetId, version.id);
  const decision = useDecision(version.id);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const headingId = useId();
  const blocker = decisionBlocker(version, newestNumber);
  const decides = role !== null && mayDecide(role);
  const canDecideNow = decides && blocker === null && approval.data !== undefined;
  useDismiss(
    open,
    () => {
      setOpen(false);
      toggleRef.current?.focus();
    },
    rootRef,
  );
  const count = approval.data ? approvalCount(approval.data) : null;

  return (
    <div className="approval-control" data-testid="approval-panel" ref={rootRef}>
      {approval.data ? (
        <ApprovalBadge approval={approval.data} />
      ) : (
        !approval.error && <span className="muted">Loading approval…</span>
      )}
      {count && (
        <span className="approval-count" data-testid="approval-count">
          {count}
        </span>
      )}
      {canDecideNow && <DecisionButtons decision={decision} />}
      <button
        type="button"
        ref={toggleRef}
        className="button button-small button-ghost approval-toggle"
        data-testid="approval-toggle"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen(!open)}
      >
        {decision.note.trim() !== '' && !open ? 'Approvals · note ready ▾' : 'Approvals ▾'}
      </button>
      {(decision.error ?? approval.error) && (
        <p className="form-alert" role="alert">
          {describeError(decision.error ?? approval.error)}
        </p>
      )}
      {open && (
        <div className="approval-popover" id={popoverId} role="dialog" aria-labelledby={headingId}>
          <h2 id={headingId}>Approval of {versionLabel(version)}</h2>
          {approval.data && (
            <>
              <p className="approval-detail" data-testid="approval-detail">
                {describeApproval(approval.data).detail}
              </p>
              {role !== null && !decides && (
                <p className="approval-detail">
                  Viewers watch and read notes; reviewers, editors and owners decide.
                </p>
              )}
              {decides && blocker !== null && (
                <p className="approval-detail" data-testid="decision-blocked">
                  {blocker}{' '}
                  {version.number < newestNumber && (
                    <Link to={`?version=${newestNumber}`}>Open v{newestNumber}</Link>
                  )}
                </p>
              )}
              {canDecideNow && (
                <DecisionNote
                  version={version}
                  mine={currentDecisionOf(approval.data.decisions, user.id)}
                  decision={decision}
                  team={team}
                />
              )}
              <RequiredApprovers
                projectId={projectId}
                approval={approval.data}
                canChoose={role !== null && mayChooseApprovers(role)}
              />
            </>
          )}
          <DecisionHistory assetId={version.assetId} versions={versions} />
        </div>
      )}
    </div>
  );
}
