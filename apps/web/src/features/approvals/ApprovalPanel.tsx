import type { ProjectRole, Version } from '@cutroom/contracts';
import { mayChooseApprovers, mayDecide } from '@cutroom/policy';
import { Link } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { useCurrentUser } from '../auth/session-queries';
import { versionLabel } from '../assets/version-status';
import { decisionBlocker } from './decision-blocker';
import { useVersionApproval } from './approval-queries';
import { describeApproval } from './approval-state';
import { currentDecisionOf } from './decision-history';
import { ApprovalBadge } from './ApprovalBadge';
import { DecisionForm } from './DecisionForm';
import { RequiredApprovers } from './RequiredApprovers';

interface ApprovalPanelProps {
  projectId: string;
  version: Version;
  /** The asset's newest version number: only its round is open. */
  newestNumber: number;
  /** The caller's role; null while the project loads. */
  role: ProjectRole | null;
}

/** This version's round: where it stands, who must approve, and the decision buttons for those who may decide. */
export function ApprovalPanel({ projectId, version, newestNumber, role }: ApprovalPanelProps) {
  const user = useCurrentUser();
  const approval = useVersionApproval(version.assetId, version.id);
  const blocker = decisionBlocker(version, newestNumber);

  return (
    <section className="panel approval-panel" aria-labelledby="approval-heading" data-testid="approval-panel">
      <h2 id="approval-heading">Approval of {versionLabel(version)}</h2>
      {approval.error && (
        <p className="form-alert" role="alert">
          {describeError(approval.error)}
        </p>
      )}
      {!approval.data && !approval.error && <p role="status">Loading approval…</p>}
      {approval.data && (
        <>
          <div className="approval-state">
            <ApprovalBadge approval={approval.data} />
          </div>
          <p className="approval-detail" data-testid="approval-detail">
            {describeApproval(approval.data).detail}
          </p>
          <RequiredApprovers
            projectId={projectId}
            approval={approval.data}
            canChoose={role !== null && mayChooseApprovers(role)}
          />
          {role !== null && !mayDecide(role) && (
            <p className="approval-detail">
              Viewers watch and read notes; reviewers, editors and owners decide.
            </p>
          )}
          {role !== null && mayDecide(role) && blocker !== null && (
            <p className="approval-detail" data-testid="decision-blocked">
              {blocker}{' '}
              {version.number < newestNumber && (
                <Link to={`?version=${newestNumber}`}>Open v{newestNumber}</Link>
              )}
            </p>
          )}
          {role !== null && mayDecide(role) && blocker === null && (
            <DecisionForm version={version} mine={currentDecisionOf(approval.data.decisions, user.id)} />
          )}
        </>
      )}
    </section>
  );
}
