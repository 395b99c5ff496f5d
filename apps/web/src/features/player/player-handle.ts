import type { PlaybackEngine } from './playback-engine';
import type { PlaybackSource } from './playback-source';
import type { PlayerHandle } from './Player';

/** The handle a page drives a playback engine through (the review page's player, or compare's A). */
export function playerHandleOf<Source extends PlaybackSource>(engine: PlaybackEngine<Source>): PlayerHandle {
  return {
    seekToFrame: (frame: number) => engine.seekToFrame(frame),
    step: (delta: number) => engine.step(delta),
    play: () => engine.play(),
    pause: () => engine.pause(),
    setSpeed: (speed: number) => engine.setSpeed(speed),
    nudgeRate: (rate: number) => engine.nudgeRate(rate),
    get currentFrame() {
      return engine.currentFrame;
    },
    get playheadFrame() {
      return engine.playheadFrame;
    },
    get position() {
      return engine.position;
    },
    get playing() {
      const { playing, shuttle } = engine.getSnapshot();
      return playing || shuttle !== 0;
    },
  };
}
