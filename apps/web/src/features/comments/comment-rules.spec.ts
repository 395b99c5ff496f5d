import type { Comment } from '@cutroom/contracts';
import { composeTarget, newCommentBody } from './compose-target';
import {
  canComment,
  canDeleteComment,
  canEditComment,
  canEditDrawing,
  canResolveComment,
} from './comment-permissions';

const author = '11111111-1111-4111-8111-111111111111';
const someoneElse = '22222222-2222-4222-8222-222222222222';
const comment = { author: { id: author, displayName: 'A' }, parentId: null } as Comment;

describe('who may do what with a comment', () => {
  it('lets everyone but viewers comment', () => {
    expect(canComment('reviewer')).toBe(true);
    expect(canComment('viewer')).toBe(false);
  });

  it('lets only the author edit, the author or an owner delete', () => {
    expect(canEditComment('reviewer', author, comment)).toBe(true);
    expect(canEditComment('owner', someoneElse, comment)).toBe(false);
    expect(canDeleteComment('reviewer', someoneElse, comment)).toBe(false);
    expect(canDeleteComment('owner', someoneElse, comment)).toBe(true);
  });

  it('lets only the author change the drawing of a note pinned to a frame', () => {
    const pinned = { ...comment, frame: 12 } as Comment;
    expect(canEditDrawing('reviewer', author, pinned)).toBe(true);
    expect(canEditDrawing('owner', someoneElse, pinned)).toBe(false);
    expect(canEditDrawing('reviewer', author, { ...pinned, frame: null })).toBe(false);
  });

  it('lets a reviewer resolve their own comment but not someone else’s, and nobody a reply', () => {
    expect(canResolveComment('reviewer', author, comment)).toBe(true);
    expect(canResolveComment('reviewer', someoneElse, comment)).toBe(false);
    expect(canResolveComment('editor', someoneElse, comment)).toBe(true);
    expect(canResolveComment('owner', author, { ...comment, parentId: author })).toBe(false);
  });
});

describe('where a new comment goes', () => {
  const base = {
    general: false,
    overLoop: true,
    loop: null,
    frame: 12,
    pinnedFrame: null,
    drawingFrame: null,
  };
  const loop = { from: 10, to: 20 };

  it('goes on the frame on screen until typing pins it, then on the pinned frame wherever the playhead is', () => {
    expect(composeTarget(base)).toEqual({ kind: 'frame', frame: 12 });
    expect(composeTarget({ ...base, pinnedFrame: 7 })).toEqual({ kind: 'frame', frame: 7 });
    expect(composeTarget({ ...base, pinnedFrame: 7, frame: 40 })).toEqual({ kind: 'frame', frame: 7 });
  });

  it('goes over the loop, in to out, while the box is ticked, wherever it was pinned', () => {
    expect(composeTarget({ ...base, loop })).toEqual({ kind: 'range', frame: 10, frameEnd: 20 });
    expect(composeTarget({ ...base, loop, pinnedFrame: 40 })).toEqual({
      kind: 'range',
      frame: 10,
      frameEnd: 20,
    });
    expect(composeTarget({ ...base, overLoop: false, loop, pinnedFrame: 15 })).toEqual({
      kind: 'frame',
      frame: 15,
    });
  });

  it('follows its drawing, which a general note cannot have and which stays on its frame', () => {
    expect(composeTarget({ ...base, drawingFrame: 30, pinnedFrame: 7 })).toEqual({
      kind: 'frame',
      frame: 30,
    });
    expect(composeTarget({ ...base, general: true, pinnedFrame: 7 })).toEqual({ kind: 'general' });
    expect(composeTarget({ ...base, general: true, drawingFrame: 30 })).toEqual({ kind: 'frame', frame: 30 });
    expect(composeTarget({ ...base, loop, drawingFrame: 30 })).toEqual({ kind: 'frame', frame: 30 });
    expect(composeTarget({ ...base, loop, drawingFrame: 15 })).toEqual({
      kind: 'range',
      frame: 10,
      frameEnd: 20,
    });
  });
});

describe('the comment a note becomes', () => {
  const annotation = {
    version: 1 as const,
    shapes: [
      {
        id: 'r',
        kind: 'rectangle' as const,
        colour: '#ff3b30',
        strokeWidth: 0.006,
        from: [0.1, 0.1] as [number, number],
        to: [0.4, 0.4] as [number, number],
      },
    ],
  };
  const note = { body: 'Too bright', internal: false, clientId: 'c-1', annotation };

  it('carries its drawing on a frame or a range', () => {
    expect(newCommentBody({ ...note, target: { kind: 'frame', frame: 31 } })).toEqual({
      body: 'Too bright',
      internal: false,
      clientId: 'c-1',
      frame: 31,
      annotation,
    });
    expect(newCommentBody({ ...note, target: { kind: 'range', frame: 10, frameEnd: 20 } })).toMatchObject({
      frame: 10,
      frameEnd: 20,
      annotation,
    });
  });

  it('is general without a frame or a drawing', () => {
    expect(newCommentBody({ ...note, internal: true, target: { kind: 'general' } })).toEqual({
      body: 'Too bright',
      internal: true,
      clientId: 'c-1',
    });
  });
});
