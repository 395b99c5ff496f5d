import { projectRoleSchema, type Member } from '@cutroom/contracts';
import { describeError } from '../../lib/api-client';
import { RoleBadge } from './RoleBadge';
import { useChangeMemberRole, useRemoveMember } from './project-queries';
import { roleOptions } from './roles';

interface MemberRowProps {
  projectId: string;
  member: Member;
  isSelf: boolean;
  canManageMembers: boolean;
}

export function MemberRow({ projectId, member, isSelf, canManageMembers }: MemberRowProps) {
  const changeRole = useChangeMemberRole(projectId, member.user.id);
  const removeMember = useRemoveMember(projectId, member.user.id);
  // Show the chosen role while the change is in flight; a refused change falls back to the server's.
  const shownRole = changeRole.isPending && changeRole.variables ? changeRole.variables : member.role;
  const error = changeRole.error ?? removeMember.error;
  const who = `${member.user.displayName} (${member.user.email})`;

  return (
    <tr>
      <td>
        <span className="member-name">{member.user.displayName}</span>
        {isSelf && <span className="muted"> (you)</span>}
      </td>
      <td className="member-email">{member.user.email}</td>
      <td>
        {canManageMembers ? (
          <select
            aria-label={`Access for ${who}`}
            value={shownRole}
            disabled={changeRole.isPending || removeMember.isPending}
            onChange={(event) => {
              const role = projectRoleSchema.safeParse(event.target.value);
              if (!role.success) return;
              removeMember.reset();
              changeRole.mutate(role.data);
            }}
          >
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </td>
      <td className="member-actions">
        {canManageMembers && !isSelf && (
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Remove ${who}`}
            disabled={removeMember.isPending || changeRole.isPending}
            onClick={() => {
              changeRole.reset();
              removeMember.mutate();
            }}
          >
            Remove
          </button>
        )}
        {error && (
          <p className="field-error" role="alert">
            {describeError(error)}
          </p>
        )}
      </td>
    </tr>
  );
}
