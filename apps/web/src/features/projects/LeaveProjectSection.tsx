import type { Project } from '@cutroom/contracts';
import { isOnlyOwner } from '@cutroom/policy';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { FormAlert } from '../../lib/form-controls';
import { useCurrentUser } from '../auth/session-queries';
import type { DepartureNotice } from './departure-notice';
import { useForgetProject, useLeaveProject, useMembers } from './project-queries';

export function LeaveProjectSection({ project }: { project: Project }) {
  const currentUser = useCurrentUser();
  const navigate = useNavigate();
  const members = useMembers(project.id);
  const leaveProject = useLeaveProject(project.id, currentUser.id);
  const forgetProject = useForgetProject();
  const onlyOwner = members.data ? isOnlyOwner(members.data, currentUser.id) : false;

  function leave() {
    leaveProject.mutate(undefined, {
      onSuccess: () => {
        const state: DepartureNotice = { notice: `You left “${project.name}”.` };
        navigate('/', { replace: true, state });
        forgetProject(project.id);
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leave project</h2>
      <p className="muted" id="leave-hint">
        {onlyOwner
          ? 'You are the only owner. Make another member an owner before you leave, or delete the project.'
          : 'You will lose access to this project until an owner adds you again.'}
      </p>
      <FormAlert message={leaveProject.error ? describeError(leaveProject.error) : null} />
      <button
        type="button"
        className="button"
        aria-describedby="leave-hint"
        disabled={leaveProject.isPending}
        onClick={leave}
      >
        Leave project
      </button>
    </section>
  );
}
