import type { Comment, FrameRun } from '@cutroom/contracts';
import type { MarkerNote } from '../player/marker-clusters';
import { sourceFrame, type Alignment } from './compare-frames';

function firstWords(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60).trimEnd()}…` : line;
}

function marker(comment: Comment, frame: number, frameEnd: number | null, from?: string): MarkerNote {
  return {
    id: comment.id,
    frame,
    frameEnd: frameEnd !== null && frameEnd > frame ? frameEnd : null,
    resolved: comment.resolved,
    author: comment.author,
    label: `${comment.author?.displayName ?? 'Former member'}: ${firstWords(comment.body)}`,
    ...(from ? { from } : {}),
  };
}

/**
 * The notes of both sides on A's timeline: A's own at their frames; B's (labelled "B") at the A
 * frame showing the same picture, under the alignment in use. A note on a picture A does not have
 * (a shot B added) has no place on A's timeline and is left out.
 */
export function compareMarkers(
  aComments: readonly Comment[],
  bComments: readonly Comment[],
  alignment: Alignment,
  runs: readonly FrameRun[] | null,
  aFrameCount: number,
): { a: MarkerNote[]; b: MarkerNote[] } {
  const roots = (list: readonly Comment[]) =>
    list.filter((comment) => comment.parentId === null && comment.frame !== null);
  const a = roots(aComments).map((comment) => marker(comment, comment.frame ?? 0, comment.frameEnd));
  const b = roots(bComments).flatMap((comment) => {
    const frame = sourceFrame(alignment, runs, comment.frame ?? 0, aFrameCount);
    if (frame === null) return [];
    const end =
      comment.frameEnd === null ? null : sourceFrame(alignment, runs, comment.frameEnd, aFrameCount);
    return [marker(comment, frame, end, 'B')];
  });
  return { a, b };
}
