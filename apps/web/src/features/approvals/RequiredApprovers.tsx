import type { VersionApproval } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { OnDemand, onDemand } from '../../lib/on-demand';
import { useMembers } from '../projects/project-queries';
import { useAssetApprovers, useSetAssetApprovers } from './approval-queries';

/** The picker is fetched when someone changes the list, not with every cut's page. */
const ApproverPicker = onDemand(async () => (await import('./ApproverPicker')).ApproverPicker);

const standingLabels = { approved: 'Approved', changes_requested: 'Changes requested' } as const;

/** For owners and editors: where the cut's list comes from, and a picker to change it. */
function ApproversEditor({ projectId, assetId }: { projectId: string; assetId: string }) {
  const [editing, setEditing] = useState(false);
  const list = useAssetApprovers(assetId);
  const members = useMembers(projectId);
  const save = useSetAssetApprovers(assetId);
  const error = list.error ?? members.error;

  return (
    <>
      {list.data && !editing && (
        <p className="approval-detail">
          Following {list.data.source === 'asset' ? 'a list set for this cut' : "the project's default list"}.
        </p>
      )}
      {editing && list.data && members.data ? (
        <OnDemand what="The approvers picker" loading={<p className="approval-detail">Loading…</p>}>
          <ApproverPicker
            legend="Who must approve this cut"
            members={members.data}
            initial={list.data.approvers.map((approver) => approver.id)}
            saving={save.isPending}
            followDefault={{
              label: "Follow the project's default list",
              initial: list.data.source === 'project',
              onSave: () => save.mutate(null, { onSuccess: () => setEditing(false) }),
            }}
            onSave={(userIds) => save.mutate(userIds, { onSuccess: () => setEditing(false) })}
            onCancel={() => {
              save.reset();
              setEditing(false);
            }}
            error={
              save.error && (
                <p className="form-alert" role="alert">
                  {describeError(save.error)}
                </p>
              )
            }
          />
        </OnDemand>
      ) : (
        <button
          type="button"
          className="link-button"
          data-testid="edit-approvers"
          disabled={!list.data || !members.data}
          onClick={() => setEditing(true)}
        >
          Choose approvers
        </button>
      )}
      {error && (
        <p className="form-alert" role="alert">
          {describeError(error)}
        </p>
      )}
    </>
  );
}

/** Who must approve this cut and where each stands in this round; owners and editors may change who. */
export function RequiredApprovers({
  projectId,
  approval,
  canChoose,
}: {
  projectId: string;
  approval: VersionApproval;
  canChoose: boolean;
}) {
  const standing = new Map(approval.decisions.map((d) => [d.decidedBy?.id, d.decision]));

  return (
    <section className="required-approvers" aria-labelledby="required-approvers-heading">
      <h3 id="required-approvers-heading">Required approvers</h3>
      {approval.requiredApprovers.length === 0 ? (
        <p className="approval-detail">Nobody is named: anyone who may approve can decide.</p>
      ) : (
        <ul className="approver-list" aria-label="Required approvers">
          {approval.requiredApprovers.map((person) => {
            const decision = standing.get(person.id);
            return (
              <li key={person.id} data-testid="required-approver">
                <span>{person.displayName}</span>
                <span className={`approver-standing approver-standing-${decision ?? 'waiting'}`}>
                  {decision ? standingLabels[decision] : 'Waiting'}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {canChoose && <ApproversEditor projectId={projectId} assetId={approval.assetId} />}
    </section>
  );
}
