import type { Project } from '@cutroom/contracts';
import { mayChooseApprovers } from '@cutroom/policy';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { useMembers } from '../projects/project-queries';
import { roleLabels } from '../projects/roles';
import { useProjectApprovers, useSetProjectApprovers } from './approval-queries';
import { ApproverPicker } from './ApproverPicker';
import './approvals.css';

/** The project's default required approvers, which every cut follows until it is given its own. */
export function ProjectApproversSection({ project }: { project: Project }) {
  const [editing, setEditing] = useState(false);
  const list = useProjectApprovers(project.id);
  const members = useMembers(project.id);
  const save = useSetProjectApprovers(project.id);
  const canChoose = mayChooseApprovers(project.role);

  return (
    <section className="panel" aria-labelledby="project-approvers-heading" data-testid="project-approvers">
      <h2 id="project-approvers-heading">Required approvers</h2>
      <p className="muted">
        A cut is approved when everyone named here approves its newest version. With nobody named, one
        approval does, unless someone requests changes. A cut can be given its own list on its review page.
      </p>
      {list.error && (
        <p className="form-alert" role="alert">
          {describeError(list.error)}
        </p>
      )}
      {list.data &&
        !editing &&
        (list.data.approvers.length === 0 ? (
          <p>Nobody is named.</p>
        ) : (
          <ul className="approver-list" aria-label="Default required approvers">
            {list.data.approvers.map((approver) => (
              <li key={approver.id}>
                <span>{approver.displayName}</span>
                <span className="approver-standing">{roleLabels[approver.role]}</span>
              </li>
            ))}
          </ul>
        ))}
      {canChoose ? (
        editing && list.data && members.data ? (
          <ApproverPicker
            legend="Who must approve every cut by default"
            members={members.data}
            initial={list.data.approvers.map((approver) => approver.id)}
            saving={save.isPending}
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
            className="button button-small"
            disabled={!list.data || !members.data}
            onClick={() => setEditing(true)}
          >
            Choose approvers
          </button>
        )
      ) : (
        <p className="muted">Only owners and editors choose who must approve.</p>
      )}
    </section>
  );
}
