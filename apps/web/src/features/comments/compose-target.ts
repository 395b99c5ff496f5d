import type { Annotation, CreateCommentBody } from '@cutroom/contracts';
import type { FrameRange } from '../player/loop-range';

/** Where a new comment is pinned. */
export type ComposeTarget =
  { kind: 'general' } | { kind: 'frame'; frame: number } | { kind: 'range'; frame: number; frameEnd: number };

/**
 * A general note has no frame; a drawing pins the note to the frame it was drawn on (or to the loop,
 * when the loop holds that frame); otherwise the note goes on the loop range or the current frame.
 */
export function composeTarget(input: {
  general: boolean;
  overLoop: boolean;
  loop: FrameRange | null;
  frame: number;
  drawingFrame: number | null;
}): ComposeTarget {
  const { loop, drawingFrame } = input;
  if (input.general && drawingFrame === null) return { kind: 'general' };
  const anchor = drawingFrame ?? input.frame;
  if (input.overLoop && loop && anchor >= loop.from && anchor <= loop.to) {
    return { kind: 'range', frame: loop.from, frameEnd: loop.to };
  }
  return { kind: 'frame', frame: anchor };
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
