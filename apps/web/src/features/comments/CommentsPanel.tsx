import type { Comment, Member, ProjectRole } from '@cutroom/contracts';
import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { filterThreads, NO_FILTER, threadComments, type CommentFilter } from './comment-list';
import { canComment } from './comment-permissions';
import { CommentFilters } from './CommentFilters';
import { CommentItem } from './CommentItem';
import { ReplyForm } from './ReplyForm';
import { useVisibleRows } from './use-visible-rows';
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
  /** Why notes' frames cannot be gone to now (see CommentItem); null: they can. */
  seekBlocked: string | null;
  composer: ReactNode;
  /** Offered on one's own notes pinned to a frame; absent where nothing can be drawn. */
  onEditDrawing?: (comment: Comment) => void;
  /** Why no drawing can be edited just now, or null. */
  editDrawingBlocked: string | null;
  /** Others writing a comment now. */
  typing: readonly { id: string; displayName: string }[];
  /** A note to bring into view (a marker picked on the timeline); `seq` repeats the same one. */
  reveal?: { commentId: string; seq: number } | null;
}

/** Up to this many threads every one is drawn; beyond it only those on screen and near it. */
export const WINDOWED_FROM_THREADS = 100;

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
  seekBlocked,
  composer,
  typing,
  onEditDrawing,
  editDrawingBlocked,
  reveal,
}: CommentsPanelProps) {
  const [filter, setFilter] = useState<CommentFilter>(NO_FILTER);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const threads = comments ? filterThreads(threadComments(comments), filter, userId) : [];
  const total = comments?.filter((comment) => comment.parentId === null).length ?? 0;
  const {
    attachList,
    window: rowWindow,
    reveal: revealThread,
  } = useVisibleRows(
    threads.map(({ comment }) => comment.id),
    threads.length > WINDOWED_FROM_THREADS,
  );
  const { first, end, spaceBefore, spaceAfter } = rowWindow;
  const revealId = reveal?.commentId;
  const revealSeq = reveal?.seq;
  const revealRow = useEffectEvent((id: string) => revealThread(id));
  useEffect(() => {
    if (revealId) revealRow(revealId);
  }, [revealId, revealSeq]);

  return (
    <section className="comments-panel" aria-labelledby="comments-heading">
      {/* The Notes tab names the column; the heading is there for those who move by headings. */}
      <h2 id="comments-heading" className="visually-hidden">
        Comments ({total})
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
      <ol
        className="comment-threads"
        aria-label="Comments"
        ref={attachList}
        data-windowed={threads.length > WINDOWED_FROM_THREADS}
        style={spaceBefore || spaceAfter ? { paddingTop: spaceBefore, paddingBottom: spaceAfter } : undefined}
      >
        {threads.slice(first, end).map(({ comment, replies }, at) => (
          <li
            key={comment.id}
            className="comment-thread"
            data-row-id={comment.id}
            aria-setsize={threads.length}
            aria-posinset={first + at + 1}
          >
            <CommentItem
              comment={comment}
              userId={userId}
              role={role}
              members={members}
              where={where(comment)}
              onSeek={() => onSeek(comment)}
              seekBlocked={seekBlocked}
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
