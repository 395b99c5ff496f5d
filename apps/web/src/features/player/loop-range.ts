/** In and out marks on the timeline; either may be missing. */
export interface LoopMarks {
  inFrame: number | null;
  outFrame: number | null;
}

/** A range of frames, both ends inclusive. */
export interface FrameRange {
  from: number;
  to: number;
}

export const NO_MARKS: LoopMarks = { inFrame: null, outFrame: null };

/** Marking in after the out mark (or out before in) starts a new range at that frame. */
export function markIn(marks: LoopMarks, frame: number): LoopMarks {
  return {
    inFrame: frame,
    outFrame: marks.outFrame !== null && marks.outFrame < frame ? null : marks.outFrame,
  };
}

export function markOut(marks: LoopMarks, frame: number): LoopMarks {
  return { inFrame: marks.inFrame !== null && marks.inFrame > frame ? null : marks.inFrame, outFrame: frame };
}

/** The loop the marks make: both set, or one set and the clip's edge for the other. Null without marks. */
export function loopRange(marks: LoopMarks, lastFrame: number): FrameRange | null {
  if (marks.inFrame === null && marks.outFrame === null) return null;
  const from = marks.inFrame ?? 0;
  const to = Math.min(marks.outFrame ?? lastFrame, lastFrame);
  return to >= from ? { from, to } : null;
}
