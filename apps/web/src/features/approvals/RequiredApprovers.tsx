import type { ProjectRole, VersionApproval } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { useMembers } from '../projects/project-queries';
import { mayChooseApprovers } from './approval-permissions';
import { useAssetApprovers, useSetAssetApprovers } from './approval-queries';
import { ApproverPicker } from './ApproverPicker';

const standingLabels = { approved: 'Approved', changes_requested: 'Changes requested' } as const;

/** Who must approve this cut, where each stands in this round, and (for owners and editors) a way to change it. */
export function RequiredApprovers({
  projectId,
  assetId,
  approval,
  role,
}: {
  projectId: string;
  assetId: string;
  approval: VersionApproval;
  role: ProjectRole;
}) {
  const [editing, setEditing] = useState(false);
  const list = useAssetApprovers(assetId);
  const members = useMembers(projectId);
  const save = useSetAssetApprovers(assetId);
  const canChoose = mayChooseApprovers(role);
  const standing = new Map(approval.decisions.map((d) => [d.decidedBy?.id, d.decision]));
  const source = list.data?.source === 'asset' ? 'set for this cut' : "the project's default";

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
      {list.data && !editing && <p className="approval-detail">Following {source}.</p>}
      {canChoose &&
        (editing && list.data && members.data ? (
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
        ))}
      {(list.error ?? members.error) && (
        <p className="form-alert" role="alert">
          {describeError(list.error ?? members.error)}
        </p>
      )}
    </section>
  );
}
