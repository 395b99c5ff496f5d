import type { CarriedOverComment, ProjectRole, Version } from '@cutroom/contracts';
import { mayMarkAddressed } from '@cutroom/policy';
import { describeError } from '../../lib/api-client';
import { versionLabel } from '../assets/version-status';
import { carriedOverCounts } from './approval-merge';
import { useCarriedOver, useSetAddressed } from './approval-queries';

interface CarriedOverPanelProps {
  version: Version;
  userId: string;
  role: ProjectRole;
  /** How the player names a frame ("00:00:01:02"). */
  label: (frame: number) => string;
  onSeek: (frame: number) => void;
}

function CarriedOverNote({
  item,
  version,
  userId,
  role,
  label,
  onSeek,
  fromNumber,
}: Omit<CarriedOverPanelProps, 'version'> & {
  item: CarriedOverComment;
  version: Version;
  fromNumber: number;
}) {
  const { comment, addressed, placement } = item;
  const toggle = useSetAddressed(version.assetId, version.id, comment.id);
  const author = comment.author?.displayName ?? 'Former member';
  const where =
    comment.frame === null
      ? null
      : comment.frameEnd !== null && comment.frameEnd !== comment.frame
        ? `${label(comment.frame)} – ${label(comment.frameEnd)}`
        : label(comment.frame);
  // The frame map says where the note's picture went: "v3 01:00:12:05 → v4 01:00:14:05".
  const target = placement?.status === 'moved' ? placement.frame : placement ? null : comment.frame;
  const shown =
    where === null || !placement
      ? where
      : placement.status === 'moved'
        ? `v${fromNumber} ${where} → ${versionLabel(version)} ${label(placement.frame)}`
        : `v${fromNumber} ${where}`;
  const canMark = mayMarkAddressed({ userId, role }, comment.author?.id ?? null);

  return (
    <li
      className="carried-over-note"
      data-testid="carried-over-note"
      data-comment-id={comment.id}
      data-addressed={addressed !== null}
      aria-label={`Note by ${author}`}
    >
      <div className="comment-header">
        {shown !== null && target !== null && (
          <button
            type="button"
            className="comment-where"
            data-testid="carried-over-where"
            aria-label={`Go to ${shown}`}
            onClick={() => onSeek(target)}
          >
            {shown}
          </button>
        )}
        {shown !== null && target === null && (
          <span className="comment-where" data-testid="carried-over-where">
            {shown} · <span data-testid="shot-removed">shot removed in {versionLabel(version)}</span>
          </span>
        )}
        <span className="comment-author">{author}</span>
        {comment.internal && <span className="badge">Internal</span>}
        {item.replyCount > 0 && (
          <span className="muted">
            {item.replyCount} {item.replyCount === 1 ? 'reply' : 'replies'}
          </span>
        )}
      </div>
      <p className="comment-body">{comment.body}</p>
      <div className="comment-actions">
        {addressed !== null && (
          <span className="addressed-by" data-testid="addressed-by">
            ✓ Addressed in {versionLabel(version)}
            {addressed.by ? ` by ${addressed.by.displayName}` : ''}
          </span>
        )}
        {canMark && (
          <button
            type="button"
            className="link-button"
            data-testid={addressed ? 'unmark-addressed' : 'mark-addressed'}
            disabled={toggle.isPending}
            onClick={() => toggle.mutate(addressed === null)}
          >
            {addressed ? 'Mark not addressed' : `Mark addressed in ${versionLabel(version)}`}
          </button>
        )}
      </div>
      {toggle.error && (
        <p className="form-alert" role="alert">
          {describeError(toggle.error)}
        </p>
      )}
    </li>
  );
}

/** On vN+1: the notes vN left open, each to be marked addressed in this version (or not any more). */
export function CarriedOverPanel(props: CarriedOverPanelProps) {
  const { version } = props;
  const carried = useCarriedOver(version.assetId, version.id);
  const from = carried.data?.fromVersion;
  if (carried.data && !from) return null;
  const counts = carried.data ? carriedOverCounts(carried.data) : null;

  return (
    <section className="carried-over" aria-labelledby="carried-over-heading" data-testid="carried-over">
      <h2 id="carried-over-heading">
        Open from {from ? `v${from.number}` : 'the previous version'}{' '}
        {counts && counts.addressed + counts.open > 0 && (
          <span className="carried-over-summary" data-testid="carried-over-summary">
            {counts.addressed} of {counts.addressed + counts.open} addressed
          </span>
        )}
      </h2>
      {carried.error && (
        <p className="form-alert" role="alert">
          {describeError(carried.error)}
        </p>
      )}
      {!carried.data && !carried.error && <p role="status">Loading notes from the previous version…</p>}
      {carried.data?.comments.length === 0 && (
        <p className="comments-empty">Nothing was left open in v{from?.number}.</p>
      )}
      <ol className="carried-over-list" aria-label={`Open from v${from?.number ?? ''}`}>
        {carried.data?.comments.map((item) => (
          <CarriedOverNote key={item.comment.id} item={item} fromNumber={from?.number ?? 0} {...props} />
        ))}
      </ol>
    </section>
  );
}
