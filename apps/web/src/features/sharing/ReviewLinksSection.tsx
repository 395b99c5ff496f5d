import type { CreatedReviewLink, ReviewLink } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { describePermissions } from './permission-words';
import { ReviewLinkForm } from './ReviewLinkForm';
import { LinkAddress } from './LinkAddress';
import { LinkEditForm } from './LinkEditForm';
import { LinkOnOff } from './LinkOnOff';
import { useReviewLinks } from './sharing-queries';
import './sharing.css';
import { formatDateTime } from '../../lib/dates';
import { RelativeTime } from '../../lib/RelativeTime';

function NewLink({ link, onDone }: { link: CreatedReviewLink; onDone: () => void }) {
  const url = `${window.location.origin}${link.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="panel new-review-link" data-testid="new-review-link">
      <h3>Link ready</h3>
      <p>Send it to your guests. You can copy it again from the list below at any time.</p>
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
  const [editing, setEditing] = useState(false);
  const shows =
    link.assetIds === null
      ? 'Whole project'
      : link.assetIds.length === 0
        ? 'No cuts left: they were moved to another project'
        : `${link.assetIds.length} cut${link.assetIds.length === 1 ? '' : 's'}`;
  return (
    <li className="review-link-row" data-testid="review-link-row" data-status={link.status}>
      <div>
        <strong>{link.label}</strong> <span className={`badge badge-${link.status}`}>{link.status}</span>
        <p className="muted">
          {shows} · {describePermissions(link.permissions).replace('You can', 'Guests can')}
          {link.hasPassword && ' · Password'}
          {link.showTeamActivity && ' · Shows the team’s activity'}
          {link.expiresAt &&
            ` · ${link.status === 'expired' ? 'Expired' : 'Expires'} ${formatDateTime(link.expiresAt)}`}
        </p>
        <p className="muted">
          {link.guestCount} {link.guestCount === 1 ? 'guest' : 'guests'} ·{' '}
          {link.lastUsedAt ? (
            <>
              last used <RelativeTime iso={link.lastUsedAt} />
            </>
          ) : (
            'never used'
          )}
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
      <div className="review-link-actions">
        {link.status !== 'revoked' && <LinkAddress projectId={projectId} link={link} />}
        {!editing && (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <LinkOnOff projectId={projectId} link={link} />
      </div>
      {editing && <LinkEditForm projectId={projectId} link={link} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** A project's review links, for its owners and editors: share with people who have no account. */
export function ReviewLinksSection({ projectId }: { projectId: string }) {
  const links = useReviewLinks(projectId);
  const [making, setMaking] = useState(false);
  const [created, setCreated] = useState<CreatedReviewLink | null>(null);
  const [createdProblem, setCreatedProblem] = useState<string | null>(null);
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
      {created && createdProblem && (
        <p className="form-alert" role="alert">
          {createdProblem}
        </p>
      )}
      {making && (
        <ReviewLinkForm
          projectId={projectId}
          onCreated={(link, problem) => {
            setMaking(false);
            setCreated(link);
            setCreatedProblem(problem ?? null);
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
