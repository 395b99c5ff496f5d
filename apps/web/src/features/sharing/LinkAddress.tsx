import type { ReviewLink } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { FormAlert } from '../../lib/form-controls';
import { getReviewLinkAddress } from './sharing-api';

/** A link's address again, to copy; an older link says why it cannot be shown. */
export function LinkAddress({ projectId, link }: { projectId: string; link: ReviewLink }) {
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!link.copyable) {
    return (
      <p className="muted" data-testid="review-link-not-copyable">
        Made before links could be copied again: create a new link to copy one.
      </p>
    );
  }
  async function copy() {
    setProblem(null);
    try {
      const address = await getReviewLinkAddress(projectId, link.id);
      const full = `${window.location.origin}${address.path}`;
      setUrl(full);
      await navigator.clipboard?.writeText(full).catch(() => undefined);
    } catch (error) {
      setProblem(describeError(error));
    }
  }
  return (
    <>
      <button type="button" className="button button-small" onClick={() => void copy()}>
        {url ? 'Copied' : 'Copy link'}
      </button>
      {url && (
        <input
          readOnly
          value={url}
          aria-label={`Address of ${link.label}`}
          data-testid="review-link-url"
          onFocus={(event) => event.target.select()}
        />
      )}
      <FormAlert message={problem} />
    </>
  );
}
