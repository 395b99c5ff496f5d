import type { Version, VersionMedia } from '@cutroom/contracts';
import type { FrameDisplayMode } from '@cutroom/timecode';
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useRef,
  useState,
  useSyncExternalStore,
  type Ref,
} from 'react';
import { Icon } from './icons';
import { useStoryboard, useWaveform } from './media-extras';
import { PLAYBACK_SPEEDS, PlaybackEngine, type PlaybackSnapshot, type QualityLevel } from './playback-engine';
import { commandForKey, keyBelongsToTarget, type PlayerCommand } from './shortcuts';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { timebaseOf, type Timebase } from './timebase';
import { Timeline } from './Timeline';
import { DISPLAY_MODES, nextDisplayMode, TimeReadout } from './TimeReadout';

/** What the rest of the UI may do with the player. Nothing else touches the video's time. */
export interface PlayerHandle {
  seekToFrame(frame: number): void;
  step(delta: number): void;
  play(): void;
  pause(): void;
  /** The frame on screen. */
  readonly currentFrame: number;
}

const DISPLAY_MODE_KEY = 'cutroom.player.timeDisplay';

function storedDisplayMode(): FrameDisplayMode {
  try {
    const stored = localStorage.getItem(DISPLAY_MODE_KEY);
    return DISPLAY_MODES.find((mode) => mode === stored) ?? 'timecode';
  } catch {
    return 'timecode';
  }
}

/** The timebase changes only when the probe result does, not with every event carrying the version. */
function useTimebase(media: VersionMedia | null): Timebase {
  const key = JSON.stringify(media);
  const [current, setCurrent] = useState(() => ({ key, timebase: timebaseOf(media) }));
  if (current.key !== key) {
    const next = { key, timebase: timebaseOf(media) };
    setCurrent(next);
    return next.timebase;
  }
  return current.timebase;
}

function levelLabel(level: QualityLevel): string {
  return level.height > 0 ? `${level.height}p` : `${Math.round(level.bitrate / 1000)}k`;
}

function QualityMenu({
  snapshot,
  onChange,
}: {
  snapshot: PlaybackSnapshot;
  onChange: (level: number) => void;
}) {
  if (snapshot.levels.length === 0) return null;
  const active = snapshot.levels[snapshot.activeLevel];
  return (
    <label className="player-select">
      <span className="visually-hidden">Quality</span>
      <select
        value={snapshot.level}
        onChange={(event) => onChange(Number(event.target.value))}
        title="Quality"
      >
        <option value={-1}>Auto{active ? ` (${levelLabel(active)})` : ''}</option>
        {[...snapshot.levels]
          .sort((a, b) => b.height - a.height || b.bitrate - a.bitrate)
          .map((level) => (
            <option key={level.index} value={level.index}>
              {levelLabel(level)}
            </option>
          ))}
      </select>
    </label>
  );
}

function useFullscreen(target: () => HTMLElement | null) {
  const [isFullscreen, setIsFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setIsFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else
      void target()
        ?.requestFullscreen?.()
        .catch(() => {});
  };
  return { isFullscreen, toggle };
}

interface PlayerProps {
  version: Version;
  ref?: Ref<PlayerHandle>;
  /** The frame to show first (kept when switching versions). */
  startFrame?: number;
}

/** hls.js player with frame-exact stepping, its own controls and the editor's keyboard. */
export function Player({ version, ref, startFrame = 0 }: PlayerProps) {
  const [engine] = useState(() => new PlaybackEngine());
  const snapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot);
  const timebase = useTimebase(version.media);
  const videoRef = useRef<HTMLVideoElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Sound has no frames of its own: it reads in seconds unless the person asks otherwise.
  const [mode, setMode] = useState<FrameDisplayMode>(() =>
    timebase.hasFrameRate ? storedDisplayMode() : 'seconds',
  );
  const soundOnly = version.media?.kind === 'audio';
  const [helpOpen, setHelpOpen] = useState(false);
  const fullscreen = useFullscreen(() => rootRef.current);
  const storyboard = useStoryboard(version.urls.storyboard);
  const waveform = useWaveform(version.urls.waveform);

  const url = version.urls.master;
  const growing = version.status !== 'ready';
  const totalFrames = timebase.frameCount ?? snapshot.availableFrames ?? 1;
  const lastFrame = Math.max(0, totalFrames - 1);

  useImperativeHandle(
    ref,
    () => ({
      seekToFrame: (frame: number) => engine.seekToFrame(frame),
      step: (delta: number) => engine.step(delta),
      play: () => engine.play(),
      pause: () => engine.pause(),
      get currentFrame() {
        return engine.currentFrame;
      },
    }),
    [engine],
  );

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    engine.attach(video);
    return () => engine.detach();
  }, [engine]);

  // A growing playlist is reloaded once the version is ready; the engine keeps the frame on screen.
  useEffect(() => {
    if (url) engine.load({ versionId: version.id, url, timebase, growing }, startFrame);
  }, [engine, version.id, url, timebase, growing, startFrame]);

  function changeMode(next: FrameDisplayMode) {
    setMode(next);
    try {
      localStorage.setItem(DISPLAY_MODE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  function run(command: PlayerCommand) {
    switch (command.type) {
      case 'togglePlay':
        return engine.togglePlay();
      case 'shuttle':
        return engine.shuttle(command.direction);
      case 'step':
        return engine.step(command.frames);
      case 'stepSecond':
        return engine.step(command.direction * timebase.framesPerSecond);
      case 'first':
        engine.pause();
        return engine.seekToFrame(0);
      case 'last':
        engine.pause();
        return engine.seekToFrame(lastFrame);
      case 'volume':
        return engine.setVolume(snapshot.volume + command.delta);
      case 'toggleMute':
        return engine.setMuted(!snapshot.muted);
      case 'fullscreen':
        return fullscreen.toggle();
      case 'cycleTimeDisplay':
        return changeMode(nextDisplayMode(mode));
      case 'help':
        return setHelpOpen((open) => !open);
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || keyBelongsToTarget(event.target, event.key)) return;
    if (event.key === 'Escape') {
      setHelpOpen(false);
      return;
    }
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    run(command);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const playing = snapshot.playing || snapshot.shuttle !== 0;
  return (
    <div
      ref={rootRef}
      className={`player${fullscreen.isFullscreen ? ' player-fullscreen' : ''}`}
      data-testid="player"
      data-frame={snapshot.frame}
      data-playing={playing}
    >
      <div className="player-stage">
        <video
          ref={videoRef}
          className={soundOnly ? 'player-video player-video-sound' : 'player-video'}
          playsInline
          preload="auto"
          poster={version.urls.poster ?? undefined}
          onClick={() => engine.togglePlay()}
        />
        {snapshot.shuttle !== 0 && (
          <span className="player-shuttle" aria-live="polite">
            {snapshot.shuttle < 0 ? '◀◀' : '▶▶'} {Math.abs(snapshot.shuttle)}×
          </span>
        )}
        {snapshot.error ? (
          <p className="player-message player-error" role="alert">
            {snapshot.error}
          </p>
        ) : (
          snapshot.waiting && (
            <p className="player-message" role="status">
              Loading…
            </p>
          )
        )}
        {growing && (
          <p className="player-growing" role="status">
            Still processing: playing what is ready so far.
          </p>
        )}
        {helpOpen && <ShortcutsOverlay onClose={() => setHelpOpen(false)} />}
      </div>
      <Timeline
        frame={snapshot.frame}
        totalFrames={totalFrames}
        availableFrames={growing ? snapshot.availableFrames : null}
        timebase={timebase}
        mode={mode}
        storyboard={storyboard.data}
        waveform={waveform.data}
        onSeek={(frame) => {
          if (snapshot.playing || snapshot.shuttle !== 0) engine.pause();
          engine.seekToFrame(frame);
        }}
      />
      <div className="player-controls">
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
        <TimeReadout
          timebase={timebase}
          frame={snapshot.frame}
          lastFrame={lastFrame}
          mode={mode}
          onModeChange={changeMode}
        />
        <span className="player-spacer" />
        <label className="player-select">
          <span className="visually-hidden">Playback speed</span>
          <select
            value={snapshot.speed}
            title="Playback speed"
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
          onClick={() => setHelpOpen((open) => !open)}
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
    </div>
  );
}
