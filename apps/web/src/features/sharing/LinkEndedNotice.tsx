import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { recheckGuestSession, useSession } from '../auth/session-queries';

const why = {
  revoked: 'The people who sent it have turned it off.',
  expired: 'It has expired.',
} as const;

/**
 * Shown over a guest's page the moment their review link ends. The page stays as it was, so a note
 * they were writing can still be read and copied; if the link is turned back on they carry on.
 */
export function LinkEndedNotice() {
  const queryClient = useQueryClient();
  const session = useSession();
  const [checking, setChecking] = useState(false);
  const [stillOff, setStillOff] = useState(false);
  const reason = session.data?.status === 'signed-in' ? session.data.linkEnded : undefined;
  if (!reason) return null;
  async function checkAgain() {
    setChecking(true);
    try {
      setStillOff(!(await recheckGuestSession(queryClient)));
    } catch {
      setStillOff(true);
    } finally {
      setChecking(false);
    }
  }
  return (
    <section className="link-ended-notice" role="alert" aria-labelledby="link-ended-heading">
      <h2 id="link-ended-heading">This link has ended</h2>
      <p data-testid="guest-link-ended">
        {why[reason]} Anything you were writing is still on the page: copy it before you leave, and ask for a
        new link if you need one.
      </p>
      {stillOff && <p className="muted">The link is still off.</p>}
      <button
        type="button"
        className="button button-small"
        disabled={checking}
        onClick={() => void checkAgain()}
      >
        Check again
      </button>
    </section>
  );
}
