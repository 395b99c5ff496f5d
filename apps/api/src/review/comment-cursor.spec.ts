import { decodeCommentCursor, encodeCommentCursor } from './comment-cursor.js';

const cursor = {
  frame: 1234,
  createdAt: '2026-12-06 06:30:01.123456+00',
  id: '0b5a3f6e-8a1c-4c1e-9d55-3c1f0e2a7b10',
};

describe('a notes-list cursor', () => {
  it('comes back as the same place in the list, to the microsecond', () => {
    expect(decodeCommentCursor(encodeCommentCursor(cursor))).toEqual(cursor);
  });

  it('keeps a general note (no frame) as -1, before frame 0', () => {
    const general = { ...cursor, frame: -1 };
    expect(decodeCommentCursor(encodeCommentCursor(general))).toEqual(general);
  });

  it('is URL-safe text', () => {
    expect(encodeCommentCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 of a cursor', 'abc'],
    ['a bad frame', Buffer.from(`x|${cursor.createdAt}|${cursor.id}`).toString('base64url')],
    ['a bad time', Buffer.from(`1|yesterday|${cursor.id}`).toString('base64url')],
    ['a bad id', Buffer.from(`1|${cursor.createdAt}|42`).toString('base64url')],
    ['SQL in the time', Buffer.from(`1|2026-12-06 06:30:01'; DROP|${cursor.id}`).toString('base64url')],
  ])('is refused when it holds %s', (_what, text) => {
    expect(decodeCommentCursor(text)).toBeNull();
  });
});
