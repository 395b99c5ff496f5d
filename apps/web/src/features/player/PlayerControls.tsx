import type { FrameDisplayMode } from '@cutroom/timecode';
import { Icon } from './icons';
import type { FrameRange } from './loop-range';
import type { PlaybackEngine } from './playback-engine';
import { PLAYBACK_SPEEDS, type PlaybackSnapshot } from './playback-snapshot';
import { QualityMenu } from './QualityMenu';
import { labelFrame, type Timebase } from './timebase';
import { TimeReadout } from './TimeReadout';
import { FOLLOWING_HOST_REASON, TransportButtons } from './TransportButtons';

export interface PlayerControlsProps {
  engine: PlaybackEngine<HTMLVideoElement>;
  snapshot: PlaybackSnapshot;
  timebase: Timebase;
  lastFrame: number;
  mode: FrameDisplayMode;
  onModeChange: (mode: FrameDisplayMode) => void;
  loop: FrameRange | null;
  /** Whose loop it is when not mine (a live session's host): shown, not mine to clear. */
  loopBy?: string;
  onClearLoop: () => void;
  helpOpen: boolean;
  onToggleHelp: () => void;
  /** Sound has no picture to show in fullscreen. */
  soundOnly: boolean;
  fullscreen: { isFullscreen: boolean; toggle: () => void };
  /** Following a live session's host: play, the frame steps and speed are the host's. */
  followingHost?: boolean;
}

/** The bar under the timeline: transport, where the picture is, the loop, speed, sound, quality, help, fullscreen. */
export function PlayerControls({
  engine,
  snapshot,
  timebase,
  lastFrame,
  mode,
  onModeChange,
  loop,
  loopBy,
  onClearLoop,
  helpOpen,
  onToggleHelp,
  soundOnly,
  fullscreen,
  followingHost = false,
}: PlayerControlsProps) {
  const playing = snapshot.playing || snapshot.shuttle !== 0;
  return (
    <div className="player-controls">
      <TransportButtons engine={engine} playing={playing} followingHost={followingHost} />
      <TimeReadout
        timebase={timebase}
        frame={snapshot.frame}
        lastFrame={lastFrame}
        mode={mode}
        onModeChange={onModeChange}
      />
      {loop && loopBy && (
        <span className="player-loop" title={`${loopBy}'s loop`}>
          ⟲ {labelFrame(timebase, loop.from, mode)}–{labelFrame(timebase, loop.to, mode)}
        </span>
      )}
      {loop && !loopBy && (
        <button
          type="button"
          className="player-button player-loop"
          aria-label={`Clear loop ${labelFrame(timebase, loop.from, mode)} to ${labelFrame(timebase, loop.to, mode)}`}
          title="Clear the in and out marks (Shift+X)"
          onClick={onClearLoop}
        >
          ⟲ {labelFrame(timebase, loop.from, mode)}–{labelFrame(timebase, loop.to, mode)}
        </button>
      )}
      <span className="player-spacer" />
      <label className="player-select">
        <span className="visually-hidden">Playback speed</span>
        <select
          value={snapshot.speed}
          title={followingHost ? FOLLOWING_HOST_REASON : 'Playback speed'}
          disabled={followingHost}
          onChange={(event) => engine.setSpeed(Number(event.target.value))}
        >
          {PLAYBACK_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="player-button"
        aria-label={snapshot.muted ? 'Unmute' : 'Mute'}
        title={snapshot.muted ? 'Unmute (M)' : 'Mute (M)'}
        onClick={() => engine.setMuted(!snapshot.muted)}
      >
        <Icon name={snapshot.muted || snapshot.volume === 0 ? 'muted' : 'volume'} />
      </button>
      <input
        type="range"
        className="player-volume"
        aria-label="Volume"
        min={0}
        max={1}
        step={0.05}
        value={snapshot.muted ? 0 : snapshot.volume}
        onChange={(event) => engine.setVolume(Number(event.target.value))}
      />
      <QualityMenu snapshot={snapshot} onChange={(level) => engine.setLevel(level)} />
      <button
        type="button"
        className="player-button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        aria-expanded={helpOpen}
        onClick={onToggleHelp}
      >
        ?
      </button>
      {!soundOnly && (
        <button
          type="button"
          className="player-button"
          aria-label={fullscreen.isFullscreen ? 'Exit fullscreen' : 'Fullscreen'}
          title="Fullscreen (F)"
          onClick={fullscreen.toggle}
        >
          <Icon name={fullscreen.isFullscreen ? 'exitFullscreen' : 'fullscreen'} />
        </button>
      )}
    </div>
  );
}
