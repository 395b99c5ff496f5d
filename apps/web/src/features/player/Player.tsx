import type { Version, VersionMedia } from '@cutroom/contracts';
import type { FrameDisplayMode } from '@cutroom/timecode';
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { Icon } from './icons';
import { loopRange, markIn, markOut, NO_MARKS, type FrameRange, type LoopMarks } from './loop-range';
import { useStoryboard, useWaveform } from './media-extras';
import { containedPictureRect, type PictureRect } from './picture-rect';
import { openHlsStream } from './hls-stream';
import { PlaybackEngine } from './playback-engine';
import { PLAYBACK_SPEEDS, type PlaybackSnapshot, type QualityLevel } from './playback-snapshot';
import { browserFrameClock } from './playback-source';
import { commandForKey, keyBelongsToTarget, type PlayerCommand } from './shortcuts';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { labelFrame, timebaseOf, type Timebase } from './timebase';
import { Timeline, type TimelineMarker, type TimelinePlayhead } from './Timeline';
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

/** What the page around the player follows: the frame on screen, whether it plays, the loop. */
export interface PlayheadState {
  frame: number;
  playing: boolean;
  loop: FrameRange | null;
  marks: LoopMarks;
  mode: FrameDisplayMode;
  timebase: Timebase;
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

function samePictureRect(a: PictureRect | null, b: PictureRect | null): boolean {
  if (a === null || b === null) return a === b;
  return a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
}

/** The picture's rectangle inside the stage (letterboxing removed), at any player size and in fullscreen. */
function usePictureRect(videoRef: RefObject<HTMLVideoElement | null>): PictureRect | null {
  const [rect, setRect] = useState<PictureRect | null>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const measure = () => {
      const inside = containedPictureRect(
        { width: video.clientWidth, height: video.clientHeight },
        { width: video.videoWidth, height: video.videoHeight },
      );
      const next = inside && {
        ...inside,
        left: inside.left + video.offsetLeft,
        top: inside.top + video.offsetTop,
      };
      setRect((current) => (samePictureRect(current, next) ? current : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(video);
    video.addEventListener('resize', measure);
    video.addEventListener('loadedmetadata', measure);
    return () => {
      observer.disconnect();
      video.removeEventListener('resize', measure);
      video.removeEventListener('loadedmetadata', measure);
    };
  }, [videoRef]);
  return rect;
}

export interface PlayerProps {
  version: Version;
  ref?: Ref<PlayerHandle>;
  /** The frame to show first (kept when switching versions). */
  startFrame?: number;
  /** Comments on the timeline. */
  markers?: readonly TimelineMarker[];
  /** Other viewers' playheads on the timeline. */
  playheads?: readonly TimelinePlayhead[];
  /** Drawn over the picture, in a box exactly the picture's size (pixels given). */
  renderOverlay?: (picture: { width: number; height: number }) => ReactNode;
  /** Above the picture in fullscreen only, where the page around the player is out of sight. */
  fullscreenControls?: ReactNode;
  onPlayheadChange?: (state: PlayheadState) => void;
}

/** hls.js player with frame-exact stepping, its own controls and the editor's keyboard. */
export function Player({
  version,
  ref,
  startFrame = 0,
  markers,
  playheads,
  renderOverlay,
  fullscreenControls,
  onPlayheadChange,
}: PlayerProps) {
  const [engine] = useState(
    () => new PlaybackEngine<HTMLVideoElement>({ openStream: openHlsStream, clock: browserFrameClock }),
  );
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
  const [marks, setMarks] = useState<LoopMarks>(NO_MARKS);
  const loop = loopRange(marks, lastFrame);
  const loopFrom = loop?.from ?? null;
  const loopTo = loop?.to ?? null;
  const picture = usePictureRect(videoRef);

  useEffect(() => {
    engine.setLoop(loopFrom === null || loopTo === null ? null : { from: loopFrom, to: loopTo });
  }, [engine, loopFrom, loopTo]);

  const playing = snapshot.playing || snapshot.shuttle !== 0;
  const reportPlayhead = useEffectEvent(() =>
    onPlayheadChange?.({ frame: snapshot.frame, playing, loop, marks, mode, timebase }),
  );
  useEffect(() => {
    reportPlayhead();
  }, [snapshot.frame, playing, loopFrom, loopTo, marks, mode, timebase]);

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
      case 'markIn':
        return setMarks((current) => markIn(current, engine.currentFrame));
      case 'markOut':
        return setMarks((current) => markOut(current, engine.currentFrame));
      case 'clearMarks':
        return setMarks(NO_MARKS);
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

  return (
    <div
      ref={rootRef}
      className={`player${fullscreen.isFullscreen ? ' player-fullscreen' : ''}`}
      data-testid="player"
      data-frame={snapshot.frame}
      data-playing={playing}
    >
      {fullscreen.isFullscreen && fullscreenControls}
      <div className="player-stage">
        <video
          ref={videoRef}
          className={soundOnly ? 'player-video player-video-sound' : 'player-video'}
          playsInline
          preload="auto"
          poster={version.urls.poster ?? undefined}
          onClick={() => engine.togglePlay()}
        />
        {picture && renderOverlay && (
          <div
            className="player-picture"
            data-testid="player-picture"
            style={{ left: picture.left, top: picture.top, width: picture.width, height: picture.height }}
          >
            {renderOverlay({ width: picture.width, height: picture.height })}
          </div>
        )}
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
        markers={markers}
        playheads={playheads}
        loop={loop}
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
        {loop && (
          <button
            type="button"
            className="player-button player-loop"
            aria-label={`Clear loop ${labelFrame(timebase, loop.from, mode)} to ${labelFrame(timebase, loop.to, mode)}`}
            title="Clear the in and out marks (Shift+X)"
            onClick={() => setMarks(NO_MARKS)}
          >
            ⟲ {labelFrame(timebase, loop.from, mode)}–{labelFrame(timebase, loop.to, mode)}
          </button>
        )}
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
