import type { Project } from '@cutroom/contracts';
import { can } from '@cutroom/policy';
import { describeError } from '../../lib/api-client';
import { useCurrentUser } from '../auth/session-queries';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';
import { PendingInvitations } from './PendingInvitations';
import { useMembers } from './project-queries';
import './projects.css';

function MemberTable({ project }: { project: Project }) {
  const currentUser = useCurrentUser();
  const members = useMembers(project.id);
  const canManageMembers = can(project.role, 'members.manage');

  if (members.isPending) return <p role="status">Loading members…</p>;
  if (members.isError) {
    return (
      <p className="form-alert" role="alert">
        {describeError(members.error)}
      </p>
    );
  }
  return (
    <table className="member-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.data.map((member) => (
          <MemberRow
            key={member.user.id}
            projectId={project.id}
            member={member}
            isSelf={member.user.id === currentUser.id}
            canManageMembers={canManageMembers}
          />
        ))}
      </tbody>
    </table>
  );
}

export function MembersSection({ project }: { project: Project }) {
  const canManageMembers = can(project.role, 'members.manage');
  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <MemberTable project={project} />
      {canManageMembers ? (
        <>
          <PendingInvitations projectId={project.id} />
          <h3>Invite someone</h3>
          <AddMemberForm projectId={project.id} />
        </>
      ) : (
        <p className="muted">Only owners can add members or change their access.</p>
      )}
    </section>
  );
}
