import { Icon } from './icons';
import type { PlaybackEngine } from './playback-engine';

/** Why a live session's follower cannot move their own picture. */
export const FOLLOWING_HOST_REASON =
  'The host moves the picture while you follow: Break away to move it yourself';

/**
 * Play/pause and one frame back or on: the start of every transport bar. Following a live session's
 * host (`followingHost`) they are the host's, and disabled with why, as the keys do nothing then.
 */
export function TransportButtons({
  engine,
  playing,
  followingHost = false,
}: {
  engine: PlaybackEngine<HTMLVideoElement>;
  playing: boolean;
  followingHost?: boolean;
}) {
  const why = (own: string) => (followingHost ? FOLLOWING_HOST_REASON : own);
  return (
    <>
      <button
        type="button"
        className="player-button"
        aria-label={playing ? 'Pause' : 'Play'}
        title={why(playing ? 'Pause (Space)' : 'Play (Space)')}
        disabled={followingHost}
        onClick={() => engine.togglePlay()}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="player-button"
        aria-label="Previous frame"
        title={why('Previous frame (←)')}
        disabled={followingHost}
        onClick={() => engine.step(-1)}
      >
        <Icon name="previousFrame" />
      </button>
      <button
        type="button"
        className="player-button"
        aria-label="Next frame"
        title={why('Next frame (→)')}
        disabled={followingHost}
        onClick={() => engine.step(1)}
      >
        <Icon name="nextFrame" />
      </button>
    </>
  );
}
