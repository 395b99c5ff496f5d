import type { Comment, Member, ProjectRole } from '@cutroom/contracts';
import { useState, type ReactNode } from 'react';
import { filterThreads, NO_FILTER, threadComments, type CommentFilter } from './comment-list';
import { canComment } from './comment-permissions';
import { CommentFilters } from './CommentFilters';
import { CommentItem } from './CommentItem';
import { ReplyForm } from './ReplyForm';
import './comments.css';

interface CommentsPanelProps {
  versionId: string;
  comments: readonly Comment[] | undefined;
  error: ReactNode;
  userId: string;
  role: ProjectRole;
  members: readonly Member[];
  /** Where a comment sits, as the player shows time. */
  where: (comment: Comment) => string | null;
  onSeek: (comment: Comment) => void;
  composer: ReactNode;
  /** Offered on one's own notes pinned to a frame; absent where nothing can be drawn. */
  onEditDrawing?: (comment: Comment) => void;
  /** Why no drawing can be edited just now, or null. */
  editDrawingBlocked: string | null;
  /** Others writing a comment now. */
  typing: readonly { id: string; displayName: string }[];
}

/** The notes on this version, by frame: filters, threads with replies, and the composer. */
export function CommentsPanel({
  versionId,
  comments,
  error,
  userId,
  role,
  members,
  where,
  onSeek,
  composer,
  typing,
  onEditDrawing,
  editDrawingBlocked,
}: CommentsPanelProps) {
  const [filter, setFilter] = useState<CommentFilter>(NO_FILTER);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const threads = comments ? filterThreads(threadComments(comments), filter, userId) : [];
  const total = comments?.filter((comment) => comment.parentId === null).length ?? 0;

  return (
    <section className="comments-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="comments-heading">
        Comments <span className="comments-count">{total}</span>
      </h2>
      {composer}
      <p className="comments-typing" role="status" aria-live="polite">
        {typing.length > 0 &&
          `${typing.map((person) => person.displayName).join(', ')} ${typing.length === 1 ? 'is' : 'are'} writing a comment…`}
      </p>
      <CommentFilters filter={filter} onChange={setFilter} />
      {error}
      {comments === undefined && !error && <p role="status">Loading comments…</p>}
      {comments !== undefined && threads.length === 0 && (
        <p className="comments-empty">
          {total === 0 ? 'No comments yet.' : 'No comments match these filters.'}
        </p>
      )}
      <ol className="comment-threads" aria-label="Comments">
        {threads.map(({ comment, replies }) => (
          <li key={comment.id} className="comment-thread">
            <CommentItem
              comment={comment}
              userId={userId}
              role={role}
              members={members}
              where={where(comment)}
              onSeek={() => onSeek(comment)}
              onReply={canComment(role) ? () => setReplyingTo(comment.id) : undefined}
              onEditDrawing={onEditDrawing && (() => onEditDrawing(comment))}
              editDrawingBlocked={editDrawingBlocked}
            />
            {replies.length > 0 && (
              <ol
                className="comment-replies"
                aria-label={`Replies to ${comment.author?.displayName ?? 'comment'}`}
              >
                {replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentItem comment={reply} userId={userId} role={role} members={members} where={null} />
                  </li>
                ))}
              </ol>
            )}
            {replyingTo === comment.id && (
              <ReplyForm
                versionId={versionId}
                parentId={comment.id}
                members={members}
                onDone={() => setReplyingTo(null)}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
