import type { Comment, Member, ProjectRole } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { RelativeTime } from '../../lib/RelativeTime';
import { Avatar } from '../presence/Avatar';
import {
  canComment,
  canDeleteComment,
  canEditComment,
  canEditDrawing,
  canResolveComment,
} from './comment-permissions';
import { useDeleteComment, useReact, useResolveComment, useUpdateComment } from './comment-queries';
import { MentionTextarea } from './MentionTextarea';
import './comments.css';

export const QUICK_REACTIONS = ['👍', '❤️', '✅', '👀', '😂'] as const;

interface CommentItemProps {
  comment: Comment;
  userId: string;
  role: ProjectRole;
  members: readonly Member[];
  /** "00:00:01:02" or "frames 10–20"; null for a general note or a reply. */
  where: string | null;
  onSeek?: () => void;
  /** Why the note's frame cannot be gone to now (following a live session's host); null: it can. */
  seekBlocked?: string | null;
  onReply?: () => void;
  /** Loads the note's drawing into the draft to change it; absent where nothing can be drawn. */
  onEditDrawing?: () => void;
  /** Why the drawing cannot be edited just now (another drawing is in the draft), or null. */
  editDrawingBlocked?: string | null;
}

function Reactions({ comment, userId, canReact }: { comment: Comment; userId: string; canReact: boolean }) {
  const react = useReact(comment.id);
  const toggle = (emoji: string) => {
    const mine = comment.reactions.some((r) => r.emoji === emoji && r.userIds.includes(userId));
    react.mutate({ emoji, add: !mine });
  };
  return (
    <div className="comment-reactions">
      {comment.reactions.map((reaction) => (
        <button
          key={reaction.emoji}
          type="button"
          className="reaction"
          aria-pressed={reaction.userIds.includes(userId)}
          aria-label={`${reaction.emoji} ${reaction.userIds.length}`}
          disabled={!canReact || react.isPending}
          onClick={() => toggle(reaction.emoji)}
        >
          {reaction.emoji} {reaction.userIds.length}
        </button>
      ))}
      {canReact && (
        <details className="reaction-picker">
          <summary aria-label="Add a reaction">☺+</summary>
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="reaction"
              aria-label={`React with ${emoji}`}
              onClick={(event) => {
                event.currentTarget.closest('details')?.removeAttribute('open');
                toggle(emoji);
              }}
            >
              {emoji}
            </button>
          ))}
        </details>
      )}
      {react.error && (
        <p className="form-alert" role="alert">
          {describeError(react.error)}
        </p>
      )}
    </div>
  );
}

/** One comment: where it is, who wrote it, its text (always as text), and what one may do with it. */
export function CommentItem({
  comment,
  userId,
  role,
  members,
  where,
  onSeek,
  seekBlocked = null,
  onReply,
  onEditDrawing,
  editDrawingBlocked = null,
}: CommentItemProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const update = useUpdateComment(comment.id);
  const resolve = useResolveComment(comment.id);
  const remove = useDeleteComment(comment);
  const author = comment.author?.displayName ?? 'Former member';
  const error = update.error ?? resolve.error ?? remove.error;

  return (
    <article
      className={`comment${comment.resolved ? ' comment-resolved' : ''}`}
      aria-label={`Comment by ${author}`}
      data-testid="comment"
      data-comment-id={comment.id}
      data-resolved={comment.resolved}
    >
      <header className="comment-header">
        <Avatar person={comment.author} />
        <span className="comment-author">{author}</span>
        <RelativeTime className="comment-time" iso={comment.createdAt} />
        {where !== null && onSeek && (
          <button
            type="button"
            className="comment-where"
            onClick={onSeek}
            disabled={seekBlocked !== null}
            aria-label={`Go to ${where}`}
            title={seekBlocked ?? `Go to ${where}`}
            data-testid="comment-where"
          >
            {where}
          </button>
        )}
        {comment.annotation && (
          <span className="badge" title="Has a drawing">
            ✎ Drawing
          </span>
        )}
        {comment.internal && <span className="badge">Internal</span>}
        {comment.resolved && (
          <span className="badge badge-resolved" data-testid="resolved-badge">
            Resolved
          </span>
        )}
      </header>
      {editing === null ? (
        <p className="comment-body">
          {comment.body}
          {comment.editedAt && <span className="comment-edited"> (edited)</span>}
        </p>
      ) : (
        <form
          className="comment-edit"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ body: editing }, { onSuccess: () => setEditing(null) });
          }}
        >
          <MentionTextarea
            label="Edit comment"
            value={editing}
            onChange={setEditing}
            members={members}
            autoFocus
          />
          <div className="comment-actions">
            <button
              type="submit"
              className="button button-small"
              disabled={update.isPending || editing.trim() === ''}
            >
              Save
            </button>
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => setEditing(null)}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      <Reactions comment={comment} userId={userId} canReact={canComment(role)} />
      <div className="comment-actions">
        {onReply && (
          <button type="button" className="link-button" onClick={onReply}>
            Reply
          </button>
        )}
        {canEditComment(role, userId, comment) && editing === null && (
          <button type="button" className="link-button" onClick={() => setEditing(comment.body)}>
            Edit
          </button>
        )}
        {onEditDrawing && canEditDrawing(role, userId, comment) && (
          <button
            type="button"
            className="link-button"
            disabled={editDrawingBlocked !== null}
            title={editDrawingBlocked ?? undefined}
            onClick={onEditDrawing}
          >
            Edit drawing
          </button>
        )}
        {canResolveComment(role, userId, comment) && (
          <button
            type="button"
            className="link-button"
            disabled={resolve.isPending}
            onClick={() => resolve.mutate(!comment.resolved)}
          >
            {comment.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
        {canDeleteComment(role, userId, comment) &&
          (confirmingDelete ? (
            <>
              <button type="button" className="link-button link-danger" onClick={() => remove.mutate()}>
                Confirm delete
              </button>
              <button type="button" className="link-button" onClick={() => setConfirmingDelete(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="link-button" onClick={() => setConfirmingDelete(true)}>
              Delete
            </button>
          ))}
      </div>
      {error && (
        <p className="form-alert" role="alert">
          {describeError(error)}
        </p>
      )}
    </article>
  );
}
