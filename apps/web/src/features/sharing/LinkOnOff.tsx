import type { ReviewLink } from '@cutroom/contracts';
import { useRef } from 'react';
import { describeError } from '../../lib/api-client';
import { FormAlert } from '../../lib/form-controls';
import { useEnableReviewLink, useRevokeReviewLink } from './sharing-queries';

/** Turning a link off (after a confirmation: its guests are cut off at once) and back on. */
export function LinkOnOff({ projectId, link }: { projectId: string; link: ReviewLink }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const revoke = useRevokeReviewLink(projectId);
  const enable = useEnableReviewLink(projectId);
  if (link.status === 'revoked') {
    return (
      <>
        <button
          type="button"
          className="button button-small"
          disabled={enable.isPending}
          onClick={() => enable.mutate(link.id)}
        >
          Turn on
        </button>
        <FormAlert message={enable.error ? describeError(enable.error) : null} />
      </>
    );
  }
  const guests = link.guestCount === 1 ? 'Its guest is' : `Its ${link.guestCount} guests are`;
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => dialogRef.current?.showModal()}
      >
        Turn off
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={`turn-off-${link.id}`}
        onClose={() => revoke.reset()}
      >
        <h2 id={`turn-off-${link.id}`}>Turn off “{link.label}”?</h2>
        <p>
          {link.guestCount > 0 ? `${guests} told at once and` : 'Anyone holding it'} can no longer open it.
          You can turn it back on later; decisions made through it stay on record.
        </p>
        <FormAlert message={revoke.error ? describeError(revoke.error) : null} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(link.id, { onSuccess: () => dialogRef.current?.close() })}
          >
            Turn off link
          </button>
        </div>
      </dialog>
    </>
  );
}
