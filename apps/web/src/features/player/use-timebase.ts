import type { VersionMedia } from '@cutroom/contracts';
import { useState } from 'react';
import { timebaseOf, type Timebase } from './timebase';

/** The timebase changes only when the probe result does, not with every event carrying the version. */
export function useTimebase(media: VersionMedia | null): Timebase {
  const key = JSON.stringify(media);
  const [current, setCurrent] = useState(() => ({ key, timebase: timebaseOf(media) }));
  if (current.key !== key) {
    const next = { key, timebase: timebaseOf(media) };
    setCurrent(next);
    return next.timebase;
  }
  return current.timebase;
}
