import type { CreatedReviewLink, ReviewLink } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { describePermissions } from './permission-words';
import { ReviewLinkForm } from './ReviewLinkForm';
import { useReviewLinks, useRevokeReviewLink } from './sharing-queries';
import './sharing.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function NewLink({ link, onDone }: { link: CreatedReviewLink; onDone: () => void }) {
  const url = `${window.location.origin}${link.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="panel new-review-link" data-testid="new-review-link">
      <h3>Link ready</h3>
      <p>Copy it now: for safety it is stored scrambled and cannot be shown again.</p>
      <div className="copy-row">
        <input readOnly value={url} aria-label="Review link" data-testid="new-review-link-url" />
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <button type="button" className="button button-ghost button-small" onClick={onDone}>
        Done
      </button>
    </div>
  );
}

function LinkRow({ projectId, link }: { projectId: string; link: ReviewLink }) {
  const revoke = useRevokeReviewLink(projectId);
  const shows =
    link.assetIds === null
      ? 'Whole project'
      : `${link.assetIds.length} cut${link.assetIds.length === 1 ? '' : 's'}`;
  return (
    <li className="review-link-row" data-testid="review-link-row" data-status={link.status}>
      <div>
        <strong>{link.label}</strong> <span className={`badge badge-${link.status}`}>{link.status}</span>
        <p className="muted">
          {shows} · {describePermissions(link.permissions).replace('You can', 'Guests can')}
          {link.hasPassword && ' · Password'}
          {link.expiresAt &&
            ` · ${link.status === 'expired' ? 'Expired' : 'Expires'} ${dateFormat.format(new Date(link.expiresAt))}`}
        </p>
        <p className="muted">
          {link.guestCount} {link.guestCount === 1 ? 'guest' : 'guests'} ·{' '}
          {link.lastUsedAt ? `last used ${dateFormat.format(new Date(link.lastUsedAt))}` : 'never used'}
          {link.createdBy && ` · made by ${link.createdBy.displayName}`}
        </p>
        {link.guests.length > 0 && (
          <p className="muted" data-testid="review-link-guests">
            {link.guests
              .map((guest) => (guest.email ? `${guest.displayName} <${guest.email}>` : guest.displayName))
              .join(', ')}
            {link.guestCount > link.guests.length && ` and ${link.guestCount - link.guests.length} more`}
          </p>
        )}
      </div>
      {link.status === 'active' && (
        <button
          type="button"
          className="button button-small button-danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(link.id)}
        >
          Turn off
        </button>
      )}
      {revoke.error && (
        <p className="form-alert" role="alert">
          {describeError(revoke.error)}
        </p>
      )}
    </li>
  );
}

/** A project's review links, for its owners and editors: share with people who have no account. */
export function ReviewLinksSection({ projectId }: { projectId: string }) {
  const links = useReviewLinks(projectId);
  const [making, setMaking] = useState(false);
  const [created, setCreated] = useState<CreatedReviewLink | null>(null);
  return (
    <section className="panel review-links" aria-labelledby="review-links-heading">
      <div className="section-heading">
        <h2 id="review-links-heading">Review links</h2>
        {!making && !created && (
          <button type="button" className="button" onClick={() => setMaking(true)}>
            Share for review
          </button>
        )}
      </div>
      <p className="muted">
        Clients and others without an account review through a link, with only what it grants.
      </p>
      {created && <NewLink link={created} onDone={() => setCreated(null)} />}
      {making && (
        <ReviewLinkForm
          projectId={projectId}
          onCreated={(link) => {
            setMaking(false);
            setCreated(link);
          }}
        />
      )}
      {links.error && (
        <p className="form-alert" role="alert">
          {describeError(links.error)}
        </p>
      )}
      {links.data && links.data.length > 0 && (
        <ul className="review-link-list" aria-label="Review links">
          {links.data.map((link) => (
            <LinkRow key={link.id} projectId={projectId} link={link} />
          ))}
        </ul>
      )}
    </section>
  );
}
