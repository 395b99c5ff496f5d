import { DomainException, type ErrorKind } from '../common/http/domain.exception.js';

export enum ReviewErrorCode {
  CommentNotFound = 'comment_not_found',
  NotAllowed = 'not_allowed',
  FrameOutOfRange = 'frame_out_of_range',
  FramesUnknown = 'frames_unknown',
  ReplyToReply = 'reply_to_reply',
  ParentElsewhere = 'parent_elsewhere',
  /** An internal reply to a shared thread, or a reply's visibility changed apart from its thread. */
  ThreadVisibility = 'thread_visibility',
  /** The thread's visibility changed while a reply to it was being stored. */
  ThreadChanged = 'thread_changed',
  /** Concurrent writes to the same comment kept colliding; the same request may simply be sent again. */
  WriteConflict = 'write_conflict',
  /** A notes-list `cursor` that no list returned. */
  BadCursor = 'bad_cursor',
}

const kinds: Record<ReviewErrorCode, ErrorKind> = {
  [ReviewErrorCode.CommentNotFound]: 'not_found',
  [ReviewErrorCode.NotAllowed]: 'forbidden',
  [ReviewErrorCode.FrameOutOfRange]: 'invalid',
  [ReviewErrorCode.FramesUnknown]: 'conflict',
  [ReviewErrorCode.ReplyToReply]: 'invalid',
  [ReviewErrorCode.ParentElsewhere]: 'invalid',
  [ReviewErrorCode.ThreadVisibility]: 'conflict',
  [ReviewErrorCode.ThreadChanged]: 'conflict',
  [ReviewErrorCode.WriteConflict]: 'conflict',
  [ReviewErrorCode.BadCursor]: 'invalid',
};

export class ReviewException extends DomainException {
  constructor(code: ReviewErrorCode, message: string) {
    super(kinds[code], code, message);
  }
}
