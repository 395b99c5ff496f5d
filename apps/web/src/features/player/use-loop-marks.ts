import { useEffect, useState } from 'react';
import { loopRange, NO_MARKS, type LoopMarks } from './loop-range';
import type { PlaybackEngine } from './playback-engine';

/** The in and out marks (I, O, Shift+X) and the loop they make, which the engine plays. */
export function useLoopMarks(engine: PlaybackEngine<HTMLVideoElement>, lastFrame: number) {
  const [marks, setMarks] = useState<LoopMarks>(NO_MARKS);
  const loop = loopRange(marks, lastFrame);
  const loopFrom = loop?.from ?? null;
  const loopTo = loop?.to ?? null;
  useEffect(() => {
    engine.setLoop(loopFrom === null || loopTo === null ? null : { from: loopFrom, to: loopTo });
  }, [engine, loopFrom, loopTo]);
  return { marks, setMarks, loop };
}
