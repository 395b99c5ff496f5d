import type { Annotation, CreateCommentBody } from '@cutroom/contracts';
import type { FrameRange } from '../player/loop-range';

/** Where a new comment is pinned. */
export type ComposeTarget =
  { kind: 'general' } | { kind: 'frame'; frame: number } | { kind: 'range'; frame: number; frameEnd: number };

/**
 * A general note has no frame. Ticked "over the loop range", the note goes on the loop, in to out
 * (unless its drawing lies outside it: a drawing stays on the frame it was drawn on). Otherwise it goes
 * on its drawing's frame, else the frame it was pinned to when typing began, else the frame on screen.
 */
export function composeTarget(input: {
  general: boolean;
  overLoop: boolean;
  loop: FrameRange | null;
  frame: number;
  pinnedFrame: number | null;
  drawingFrame: number | null;
}): ComposeTarget {
  const { loop, drawingFrame } = input;
  if (input.general && drawingFrame === null) return { kind: 'general' };
  const drawingOutside =
    drawingFrame !== null && loop && (drawingFrame < loop.from || drawingFrame > loop.to);
  if (input.overLoop && loop && !drawingOutside)
    return { kind: 'range', frame: loop.from, frameEnd: loop.to };
  return { kind: 'frame', frame: drawingFrame ?? input.pinnedFrame ?? input.frame };
}

/** The comment to create: the text where it goes, with the drawing unless it is a general note. */
export function newCommentBody(input: {
  body: string;
  internal: boolean;
  clientId: string;
  target: ComposeTarget;
  annotation: Annotation | undefined;
}): CreateCommentBody {
  const { target, annotation } = input;
  return {
    body: input.body,
    internal: input.internal,
    clientId: input.clientId,
    ...(target.kind === 'general' ? {} : { frame: target.frame }),
    ...(target.kind === 'range' ? { frameEnd: target.frameEnd } : {}),
    ...(annotation && target.kind !== 'general' ? { annotation } : {}),
  };
}
