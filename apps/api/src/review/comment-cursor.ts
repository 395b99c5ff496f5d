/**
 * Where a page of the notes list ends: the last thread's place in list order — its frame (-1 for
 * a general note, which comes first), its exact creation time as Postgres wrote it, and its id —
 * so the next page starts right after it even if that thread is deleted meanwhile.
 */
export interface CommentCursor {
  frame: number;
  /** Postgres's text of `created_at`, to the microsecond. */
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POSTGRES_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/;

export function encodeCommentCursor(cursor: CommentCursor): string {
  return Buffer.from(`${cursor.frame}|${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

/** The cursor a `nextCursor` names, or null when it is not one the list could have returned. */
export function decodeCommentCursor(text: string): CommentCursor | null {
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (parts.length !== 3) return null;
  const [frameText, createdAt, id] = parts;
  if (!/^(-1|0|[1-9]\d{0,9})$/.test(frameText)) return null;
  if (!POSTGRES_TIME.test(createdAt) || !UUID.test(id)) return null;
  return { frame: Number(frameText), createdAt, id };
}
