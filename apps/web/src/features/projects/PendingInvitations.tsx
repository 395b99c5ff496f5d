import type { Invitation } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { InvitationLink } from './InvitationLink';
import { useInvitations, useRevokeInvitation } from './invitation-queries';
import { roleLabels } from './roles';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function PendingRow({ projectId, invitation }: { projectId: string; invitation: Invitation }) {
  const revoke = useRevokeInvitation(projectId);
  const [showLink, setShowLink] = useState(false);
  return (
    <li className="pending-invitation" data-testid="pending-invitation">
      <div>
        <strong>{invitation.email}</strong> · {roleLabels[invitation.role]} · open until{' '}
        {dateFormat.format(new Date(invitation.expiresAt))}
      </div>
      <div className="pending-invitation-actions">
        <button type="button" className="button button-small" onClick={() => setShowLink((shown) => !shown)}>
          {showLink ? 'Hide link' : 'Show link'}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(invitation.id)}
          aria-label={`Revoke the invitation of ${invitation.email}`}
        >
          Revoke
        </button>
      </div>
      {showLink && <InvitationLink invitation={invitation} />}
      {revoke.isError && (
        <p className="form-alert" role="alert">
          {describeError(revoke.error)}
        </p>
      )}
    </li>
  );
}

/** Invitations not yet accepted: owners see, copy again and revoke them. */
export function PendingInvitations({ projectId }: { projectId: string }) {
  const invitations = useInvitations(projectId);
  if (!invitations.data || invitations.data.length === 0) return null;
  return (
    <>
      <h3>Pending invitations</h3>
      <ul className="pending-invitations">
        {invitations.data.map((invitation) => (
          <PendingRow key={invitation.id} projectId={projectId} invitation={invitation} />
        ))}
      </ul>
    </>
  );
}
