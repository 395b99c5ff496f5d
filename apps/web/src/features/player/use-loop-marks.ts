import { useEffect, useState } from 'react';
import { type FrameRange, loopRange, NO_MARKS, type LoopMarks } from './loop-range';
import type { PlaybackEngine } from './playback-engine';

/**
 * The in and out marks (I, O, Shift+X) and the loop the engine plays: mine, or while I follow a
 * live session the host's (`shared`, undefined when I do not follow), my own marks kept for after.
 */
export function useLoopMarks(
  engine: PlaybackEngine<HTMLVideoElement>,
  lastFrame: number,
  shared?: FrameRange | null,
) {
  const [marks, setMarks] = useState<LoopMarks>(NO_MARKS);
  const own = loopRange(marks, lastFrame);
  const loop =
    shared === undefined
      ? own
      : shared && loopRange({ inFrame: shared.from, outFrame: shared.to }, lastFrame);
  const loopFrom = loop?.from ?? null;
  const loopTo = loop?.to ?? null;
  useEffect(() => {
    engine.setLoop(loopFrom === null || loopTo === null ? null : { from: loopFrom, to: loopTo });
  }, [engine, loopFrom, loopTo]);
  return { marks, setMarks, loop, shared: shared !== undefined };
}
