import type { VersionApproval } from '@cutroom/contracts';
import { describeApproval } from './approval-state';
import './approvals.css';

/** Where a round stands: Approved, Changes requested, In review n of m. Nothing before a first version. */
export function ApprovalBadge({ approval }: { approval: VersionApproval | undefined }) {
  if (!approval || approval.versionId === null) return null;
  const view = describeApproval(approval);
  return (
    <span
      className={`approval-badge approval-${view.state}`}
      data-testid="approval-badge"
      data-state={view.state}
      title={view.detail}
    >
      {view.label}
    </span>
  );
}
