import type { Invitation } from '@cutroom/contracts';
import { useState } from 'react';

/** The invitation's address on this site (the server names it under its public URL). */
export function invitationUrl(invitation: Pick<Invitation, 'link'>): string {
  return `${window.location.origin}${new URL(invitation.link).pathname}`;
}

export function InvitationLink({ invitation }: { invitation: Invitation }) {
  const url = invitationUrl(invitation);
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-row">
      <input
        readOnly
        value={url}
        aria-label={`Invitation link for ${invitation.email}`}
        data-testid="invitation-link"
      />
      <button
        type="button"
        className="button"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}
