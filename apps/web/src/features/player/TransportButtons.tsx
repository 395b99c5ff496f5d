import { Icon } from './icons';
import type { PlaybackEngine } from './playback-engine';

/** Play/pause and one frame back or on: the start of every transport bar. */
export function TransportButtons({
  engine,
  playing,
}: {
  engine: PlaybackEngine<HTMLVideoElement>;
  playing: boolean;
}) {
  return (
    <>
      <button
        type="button"
        className="player-button"
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        onClick={() => engine.togglePlay()}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="player-button"
        aria-label="Previous frame"
        title="Previous frame (←)"
        onClick={() => engine.step(-1)}
      >
        <Icon name="previousFrame" />
      </button>
      <button
        type="button"
        className="player-button"
        aria-label="Next frame"
        title="Next frame (→)"
        onClick={() => engine.step(1)}
      >
        <Icon name="nextFrame" />
      </button>
    </>
  );
}
