import { isRetryableConflict, retryOnConflict } from '../database/retry-deadlock.js';
import { ReviewErrorCode, ReviewException } from './review.exception.js';

/** Runs a comment write again after a deadlock; if it keeps losing, the client is told to retry (409). */
export async function writing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await retryOnConflict(run);
  } catch (error) {
    if (!isRetryableConflict(error)) throw error;
    throw new ReviewException(
      ReviewErrorCode.WriteConflict,
      'Others changed this comment at the same moment: try again.',
    );
  }
}

export function notFound(): ReviewException {
  return new ReviewException(ReviewErrorCode.CommentNotFound, 'No such comment, or you cannot see it.');
}

/** The database's guard that a reply has its thread's `internal` (migration ThreadVisibility). */
export const THREAD_VISIBILITY = 'comments_thread_visibility_fkey';

export function threadVisibility(message: string): ReviewException {
  return new ReviewException(ReviewErrorCode.ThreadVisibility, message);
}

export function threadChanged(): ReviewException {
  return new ReviewException(
    ReviewErrorCode.ThreadChanged,
    'The thread changed while you replied: look at it again before replying.',
  );
}

export function notAllowed(message: string): ReviewException {
  return new ReviewException(ReviewErrorCode.NotAllowed, message);
}

export function badCursor(): ReviewException {
  return new ReviewException(
    ReviewErrorCode.BadCursor,
    'cursor must be the nextCursor of an earlier page of this list: start again without it.',
  );
}
