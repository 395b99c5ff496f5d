import type { FrameDisplayMode } from '@cutroom/timecode';
import { useState } from 'react';
import { DISPLAY_MODES } from './TimeReadout';

const DISPLAY_MODE_KEY = 'cutroom.player.timeDisplay';

function storedDisplayMode(): FrameDisplayMode {
  try {
    const stored = localStorage.getItem(DISPLAY_MODE_KEY);
    return DISPLAY_MODES.find((mode) => mode === stored) ?? 'timecode';
  } catch {
    return 'timecode';
  }
}

/**
 * Timecode, frame number or seconds, remembered in this browser. Sound has no frames of its own:
 * without a frame rate it reads in seconds unless the person asks otherwise.
 */
export function useDisplayMode(hasFrameRate: boolean) {
  const [mode, setMode] = useState<FrameDisplayMode>(() => (hasFrameRate ? storedDisplayMode() : 'seconds'));
  function changeMode(next: FrameDisplayMode) {
    setMode(next);
    try {
      localStorage.setItem(DISPLAY_MODE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  return [mode, changeMode] as const;
}
