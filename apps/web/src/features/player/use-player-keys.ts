import { useEffect, useEffectEvent, type Dispatch, type SetStateAction } from 'react';
import { markIn, markOut, NO_MARKS, type LoopMarks } from './loop-range';
import type { PlaybackEngine } from './playback-engine';
import type { PlaybackSnapshot } from './playback-snapshot';
import { commandForKey, isShortcutKey, movesPlayhead, type PlayerCommand } from './shortcuts';
import type { Timebase } from './timebase';

/** What the player's keys act on besides the engine. */
export interface PlayerKeyTargets {
  engine: PlaybackEngine<HTMLVideoElement>;
  snapshot: PlaybackSnapshot;
  timebase: Timebase;
  lastFrame: number;
  setMarks: Dispatch<SetStateAction<LoopMarks>>;
  toggleFullscreen(): void;
  cycleTimeDisplay(): void;
  setHelpOpen: Dispatch<SetStateAction<boolean>>;
  /** Following a live session's host: the keys that move the playhead are theirs, and do nothing here. */
  followingHost?: boolean;
}

function run(command: PlayerCommand, targets: PlayerKeyTargets) {
  const { engine, snapshot } = targets;
  switch (command.type) {
    case 'togglePlay':
      return engine.togglePlay();
    case 'shuttle':
      return engine.shuttle(command.direction);
    case 'step':
      return engine.step(command.frames);
    case 'stepSecond':
      return engine.step(command.direction * targets.timebase.framesPerSecond);
    case 'first':
      engine.pause();
      return engine.seekToFrame(0);
    case 'last':
      engine.pause();
      return engine.seekToFrame(targets.lastFrame);
    case 'volume':
      return engine.setVolume(snapshot.volume + command.delta);
    case 'toggleMute':
      return engine.setMuted(!snapshot.muted);
    case 'fullscreen':
      return targets.toggleFullscreen();
    case 'cycleTimeDisplay':
      return targets.cycleTimeDisplay();
    case 'help':
      return targets.setHelpOpen((open) => !open);
    case 'markIn': {
      // Read now, at the key press: an updater runs at render, after later keys have moved on.
      const frame = engine.playheadFrame;
      return targets.setMarks((current) => markIn(current, frame));
    }
    case 'markOut': {
      const frame = engine.playheadFrame;
      return targets.setMarks((current) => markOut(current, frame));
    }
    case 'clearMarks':
      return targets.setMarks(NO_MARKS);
  }
}

/** The editor's keyboard (see `shortcuts`), on the whole page unless the focused element uses the key. */
export function usePlayerKeys(targets: PlayerKeyTargets) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!isShortcutKey(event)) return;
    if (event.key === 'Escape') {
      targets.setHelpOpen(false);
      return;
    }
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    if (targets.followingHost && movesPlayhead(command)) return;
    run(command, targets);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
