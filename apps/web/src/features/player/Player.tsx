import type { Version } from '@cutroom/contracts';
import type { FrameDisplayMode } from '@cutroom/timecode';
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import { NO_MARKS, type FrameRange, type LoopMarks } from './loop-range';
import { useStoryboard, useWaveform } from './media-extras';
import { PlayerControls } from './PlayerControls';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import type { Timebase } from './timebase';
import { Timeline, type TimelineMarker, type TimelinePlayhead } from './Timeline';
import { TimelineNotes } from './TimelineNotes';
import { nextDisplayMode } from './TimeReadout';
import { useDisplayMode } from './use-display-mode';
import { useFullscreen } from './use-fullscreen';
import { useLoopMarks } from './use-loop-marks';
import { usePictureRect } from './use-picture-rect';
import { playerHandleOf } from './player-handle';
import { usePlaybackEngine } from './use-playback-engine';
import { usePlayerKeys } from './use-player-keys';
import { useTimebase } from './use-timebase';

/** What the rest of the UI may do with the player. Nothing else touches the video's time. */
export interface PlayerHandle {
  seekToFrame(frame: number): void;
  step(delta: number): void;
  play(): void;
  pause(): void;
  /** The chosen playback speed, as the speed menu sets it. */
  setSpeed(speed: number): void;
  /** Plays a little faster or slower for a while, the chosen speed unchanged (live-session followers). */
  nudgeRate(rate: number): void;
  /** The frame on screen. */
  readonly currentFrame: number;
  /** The frame a key press acts on: the one on screen, or the one a step already asked for. */
  readonly playheadFrame: number;
  /**
   * Where playback is this instant, in frames with the fraction between pictures (live sessions keep
   * players in step by it); paused, the playhead frame.
   */
  readonly position: number;
  readonly playing: boolean;
}

/** What the page around the player follows: the frame on screen, whether it plays, the loop. */
export interface PlayheadState {
  frame: number;
  playing: boolean;
  /** The chosen playback speed (1 = normal). */
  speed: number;
  /** Signed J/L shuttle speed (−2 is backward at 2×); 0 when not shuttling. */
  shuttle: number;
  loop: FrameRange | null;
  marks: LoopMarks;
  mode: FrameDisplayMode;
  timebase: Timebase;
}

export interface PlayerProps {
  version: Version;
  ref?: Ref<PlayerHandle>;
  /** The frame to show first (kept when switching versions). */
  startFrame?: number;
  /** Comments on the timeline. */
  markers?: readonly TimelineMarker[];
  /** Notes of the previous version, at the frames the frame map moved them to (hollow markers). */
  carriedMarkers?: readonly TimelineMarker[];
  /** Other viewers' playheads on the timeline. */
  playheads?: readonly TimelinePlayhead[];
  /** Drawn over the picture, in a box exactly the picture's size (pixels given). */
  renderOverlay?: (picture: { width: number; height: number }) => ReactNode;
  /** Above the picture in fullscreen only, where the page around the player is out of sight. */
  fullscreenControls?: ReactNode;
  onPlayheadChange?: (state: PlayheadState) => void;
  /**
   * Following a live session: the host's loop (null for none), played and shown in place of my own
   * marks, which come back when I stop following. Undefined when I do not follow.
   */
  sharedLoop?: FrameRange | null;
  /** Whose loop `sharedLoop` is, for its label. */
  sharedLoopBy?: string;
  /** A marker of this version's notes was picked: the notes it stands for, in frame order. */
  onMarkerPick?: (noteIds: readonly string[]) => void;
}

/** hls.js player with frame-exact stepping, its own controls and the editor's keyboard. */
export function Player({
  version,
  ref,
  startFrame = 0,
  markers,
  carriedMarkers,
  playheads,
  renderOverlay,
  fullscreenControls,
  onPlayheadChange,
  sharedLoop,
  sharedLoopBy,
  onMarkerPick,
}: PlayerProps) {
  const timebase = useTimebase(version.media);
  const videoRef = useRef<HTMLVideoElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [mode, changeMode] = useDisplayMode(timebase.hasFrameRate);
  const soundOnly = version.media?.kind === 'audio';
  const [helpOpen, setHelpOpen] = useState(false);
  const fullscreen = useFullscreen(() => rootRef.current);
  const storyboard = useStoryboard(version.urls.storyboard);
  const waveform = useWaveform(version.urls.waveform);
  const picture = usePictureRect(videoRef);

  const growing = version.status !== 'ready';
  const { engine, snapshot } = usePlaybackEngine(
    videoRef,
    { versionId: version.id, url: version.urls.master, timebase, growing },
    startFrame,
  );
  const totalFrames = timebase.frameCount ?? snapshot.availableFrames ?? 1;
  const lastFrame = Math.max(0, totalFrames - 1);
  const { marks, setMarks, loop, shared } = useLoopMarks(engine, lastFrame, sharedLoop);
  const loopBy = shared ? (sharedLoopBy ?? 'the host') : undefined;
  const playing = snapshot.playing || snapshot.shuttle !== 0;
  // A host's loop is handed in exactly while I follow them (undefined otherwise): then the host
  // moves the picture, and a click on it or the timeline does not jump it for a moment.
  const followingHost = sharedLoop !== undefined;
  const seekFromTimeline = (frame: number) => {
    if (followingHost) return;
    if (playing) engine.pause();
    engine.seekToFrame(frame);
  };

  const reportPlayhead = useEffectEvent(() =>
    onPlayheadChange?.({
      frame: snapshot.frame,
      playing,
      speed: snapshot.speed,
      shuttle: snapshot.shuttle,
      loop,
      marks,
      mode,
      timebase,
    }),
  );
  useEffect(() => {
    reportPlayhead();
  }, [
    snapshot.frame,
    playing,
    snapshot.speed,
    snapshot.shuttle,
    loop?.from,
    loop?.to,
    marks,
    mode,
    timebase,
  ]);

  useImperativeHandle(ref, () => playerHandleOf(engine), [engine]);

  usePlayerKeys({
    engine,
    snapshot,
    timebase,
    lastFrame,
    setMarks,
    toggleFullscreen: fullscreen.toggle,
    cycleTimeDisplay: () => changeMode(nextDisplayMode(mode)),
    setHelpOpen,
    followingHost,
  });

  const noteMarkers = (
    <TimelineNotes
      notes={markers ?? []}
      carried={carriedMarkers}
      totalFrames={totalFrames}
      onSeek={seekFromTimeline}
      onPick={onMarkerPick}
    />
  );

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
          onClick={() => {
            if (!followingHost) engine.togglePlay();
          }}
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
        {/* In fullscreen the notes ride over the foot of the picture rather than shrink it. */}
        {fullscreen.isFullscreen && noteMarkers}
      </div>
      <Timeline
        frame={snapshot.frame}
        totalFrames={totalFrames}
        availableFrames={growing ? snapshot.availableFrames : null}
        timebase={timebase}
        mode={mode}
        storyboard={storyboard.data}
        waveform={waveform.data}
        onSeek={seekFromTimeline}
        markers={markers}
        playheads={playheads}
        loop={loop}
        loopBy={loopBy}
      />
      {!fullscreen.isFullscreen && noteMarkers}
      <PlayerControls
        engine={engine}
        snapshot={snapshot}
        timebase={timebase}
        lastFrame={lastFrame}
        mode={mode}
        onModeChange={changeMode}
        loop={loop}
        loopBy={loopBy}
        onClearLoop={() => setMarks(NO_MARKS)}
        helpOpen={helpOpen}
        onToggleHelp={() => setHelpOpen((open) => !open)}
        soundOnly={soundOnly}
        fullscreen={fullscreen}
        followingHost={followingHost}
      />
    </div>
  );
}
