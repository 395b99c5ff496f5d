import type { Comment, FrameMap, LiveCompare, Shape, Version } from '@cutroom/contracts';
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type PointerEvent,
  type Ref,
  type RefObject,
} from 'react';
import { describeError } from '../../lib/api-client';
import { useRoomSender, useRoomSignals } from '../../lib/realtime/realtime-context';
import type { LaserPointer, LiveStroke } from '../../lib/realtime/room-signals';
import { useComments } from '../comments/comment-queries';
import { useDrawingDraft, type DrawingDraft } from '../drawing/use-drawing-draft';
import type { HostPlayhead } from '../live-session/host-transport';
import { useLiveDrawing, type LiveDrawing } from '../drawing/use-live-drawing';
import { versionLabel } from '../assets/version-status';
import type { FrameRange } from '../player/loop-range';
import { useStoryboard } from '../player/media-extras';
import type { PlayerHandle } from '../player/Player';
import { playerHandleOf } from '../player/player-handle';
import type { PlaybackSnapshot } from '../player/playback-snapshot';
import { isShortcutKey } from '../player/shortcuts';
import { ShortcutsOverlay } from '../player/ShortcutsOverlay';
import { labelFrame, type Timebase } from '../player/timebase';
import { Timeline } from '../player/Timeline';
import { TimelineNotes } from '../player/TimelineNotes';
import { nextDisplayMode } from '../player/TimeReadout';
import { useDisplayMode } from '../player/use-display-mode';
import { useLoopMarks } from '../player/use-loop-marks';
import { usePlaybackEngine } from '../player/use-playback-engine';
import { usePlayerKeys } from '../player/use-player-keys';
import { useTimebase } from '../player/use-timebase';
import { changesFromRuns, frameBefore, nextChange, sourceFrame, targetFrame } from './compare-frames';
import { compareMarkers } from './compare-notes';
import { useFrameMap } from './compare-queries';
import { CompareNoteForm } from './CompareNoteForm';
import { CompareToolbar, type CompareSettings } from './CompareToolbar';
import { CompareTransport } from './CompareTransport';
import { ChangesStrip } from './ChangesStrip';
import { PaneDrawings } from './PaneDrawings';
import { PaneLaser } from './PaneLaser';
import { useFollower } from './use-follower';
import { splitAt, WipeDragShare } from './wipe-split';
import './compare.css';

/** Opened on B's frame, how long A may take to stand on the same picture before the page hears of it anyway. */
const OPENING_WAIT_MS = 3000;

function Pane({
  side,
  version,
  videoRef,
  snapshot,
  timebase,
  frame,
  absent,
  comments,
  live,
  paused,
  drawing,
  liveDrawing,
  laser,
  style,
}: {
  side: 'a' | 'b';
  version: Version;
  videoRef: RefObject<HTMLVideoElement | null>;
  snapshot: PlaybackSnapshot;
  timebase: Timebase;
  /** The frame this side should show, or null when it has none. */
  frame: number | null;
  /** Why there is no picture here (B only): shown over it. */
  absent: string | null;
  /** This side's notes: their drawings show on the frame shown, while paused. */
  comments: readonly Comment[];
  /** What others in the room are drawing on this side's version. */
  live: readonly LiveStroke[];
  paused: boolean;
  drawing: DrawingDraft | null;
  /** Tells the room about my strokes on this side. */
  liveDrawing: LiveDrawing;
  /** In a live session: the laser pointers on this side (mine too, while pointing). */
  laser: { lasers: readonly LaserPointer[]; pointing: boolean } | null;
  style?: CSSProperties;
}) {
  return (
    <div
      className={`compare-pane compare-pane-${side}`}
      data-testid={`compare-${side}`}
      data-frame={snapshot.frame}
      data-target={frame ?? ''}
      style={style}
    >
      <video ref={videoRef} className="compare-video" playsInline preload="auto" muted={side === 'b'} />
      <PaneDrawings
        videoRef={videoRef}
        comments={comments}
        live={live.filter((stroke) => stroke.frame === snapshot.frame)}
        frame={snapshot.frame}
        show={paused && !absent}
        drawing={drawing}
        onStroke={(shape: Shape) => liveDrawing.stroke(shape)}
        onStrokeAbandoned={() => liveDrawing.abandon()}
      />
      {laser && (
        <PaneLaser
          assetId={version.assetId}
          versionId={version.id}
          videoRef={videoRef}
          lasers={laser.lasers}
          pointing={laser.pointing}
        />
      )}
      {absent && (
        <div className="compare-absent" data-testid="not-in-version" role="status">
          {absent}
        </div>
      )}
      <span className="compare-pane-label">
        {side.toUpperCase()} · {versionLabel(version)}
        {frame !== null && ` · ${labelFrame(timebase, frame, 'timecode')}`}
      </span>
      {snapshot.error && (
        <p className="player-message player-error" role="alert">
          {snapshot.error}
        </p>
      )}
    </div>
  );
}

/** How the compare view shows its pair, as a live session shares it (B is named apart). */
export type CompareShown = Omit<LiveCompare, 'versionId'>;

/** Following a live session in compare: the host's layout, lining up and flip, and the host's loop on A. */
export interface CompareFollowing {
  shown: CompareShown;
  loop: FrameRange | null;
}

/**
 * Two versions in step: A's transport (the player's engine, keys and timeline) drives A, and B
 * follows to the frame showing the same picture (by the frame map) or the same number plus an offset.
 * `ref` is A's player, as the review page's player is: a live session drives it, or follows it.
 */
export function CompareView({
  a,
  b,
  writer,
  allowInternal,
  ref,
  onPlayheadChange,
  onShownChange,
  onFrameOfBChange,
  following = null,
  startFrame: openingFrame = 0,
  startFrameOfB: openingFrameOfB = null,
  live = null,
}: {
  a: Version;
  b: Version;
  /** May write notes (a member who comments, or a guest whose link allows it). */
  writer: boolean;
  allowInternal: boolean;
  ref?: Ref<PlayerHandle>;
  /** A's playhead, as a live session's host sends it. */
  onPlayheadChange?: (playhead: HostPlayhead) => void;
  /** How the pair is shown: layout, lining up, flip. */
  onShownChange?: (shown: CompareShown) => void;
  /** B's frame: A's match, or where B stands when it has none (the way back to B's review page). */
  onFrameOfBChange?: (frame: number) => void;
  /** Following a live session's host: the host's view of the pair, in place of my own choices. */
  following?: CompareFollowing | null;
  /** A's frame when the view opens (B follows to its match). */
  startFrame?: number;
  /** Or B's: A opens on the picture B shows there, once the frame map is read. */
  startFrameOfB?: number | null;
  /** In a live session, sharing its picture: laser pointers show, and mine points for everyone while `pointing`. */
  live?: { pointing: boolean } | null;
}) {
  const timebaseA = useTimebase(a.media);
  const timebaseB = useTimebase(b.media);
  const videoA = useRef<HTMLVideoElement>(null);
  const videoB = useRef<HTMLVideoElement>(null);
  // Only the opening frame: the address dropping it later must not send A back.
  const [startFrame] = useState(openingFrame);
  const left = usePlaybackEngine(
    videoA,
    { versionId: a.id, url: a.urls.master, timebase: timebaseA, growing: false },
    startFrame,
  );
  const right = usePlaybackEngine(
    videoB,
    { versionId: b.id, url: b.urls.master, timebase: timebaseB, growing: false },
    0,
  );
  const storyboard = useStoryboard(a.urls.storyboard);
  const [mode, changeMode] = useDisplayMode(timebaseA.hasFrameRate);
  const [helpOpen, setHelpOpen] = useState(false);
  const [ownSettings, setSettings] = useState<CompareSettings>({
    layout: 'side',
    alignment: { kind: 'map' },
    audio: 'a',
    swapped: false,
  });
  // Following, the host lays out and lines up the pair, and places the wipe; whose sound I hear stays mine.
  const settings: CompareSettings = following ? { ...ownSettings, ...following.shown } : ownSettings;
  const [ownSplit, setSplit] = useState(0.5);
  const split = following ? following.shown.split : ownSplit;
  // Where my wipe was last shared (a host's drag goes out ten times a second, where it holds, and where it ends).
  const [sharedSplit, setSharedSplit] = useState(0.5);
  const [wipeDrag] = useState(() => new WipeDragShare(setSharedSplit));
  useEffect(() => () => wipeDrag.dispose(), [wipeDrag]);
  // Leaving off following (made host, caught up on rejoining, or breaking away), the pair stays shown
  // as it was. Adjusted during the render that stops following, so no effect (and no host's send)
  // ever sees my own layout or split in between.
  const [followed, setFollowed] = useState(following);
  if (following !== followed) {
    setFollowed(following);
    const was = following ? null : followed?.shown;
    if (was) {
      setSettings((current) => ({
        ...current,
        layout: was.layout,
        alignment: was.alignment,
        swapped: was.swapped,
      }));
      setSplit(was.split);
      setSharedSplit(was.split);
    }
  }
  const change = (next: Partial<CompareSettings>) => setSettings((current) => ({ ...current, ...next }));

  const map = useFrameMap(a.id, b.id, true);
  const aCount = timebaseA.frameCount ?? map.data?.aFrameCount ?? 1;
  const bCount = timebaseB.frameCount ?? map.data?.bFrameCount ?? 1;
  const lastFrame = Math.max(0, aCount - 1);
  const changes = useMemo(
    () => (map.data ? changesFromRuns(map.data.runs, map.data.aFrameCount, map.data.bFrameCount) : null),
    [map.data],
  );

  // Opened on B's frame: A goes to the picture B shows there once the map is read (or, on a frame B
  // added, to the last picture before it), then B follows as on any seek.
  const openingOfB = useRef(openingFrameOfB);
  // Until A stands on that picture ('map': the map is still being read) the page hears nothing of A:
  // a live session's host would otherwise send everyone to A's frame 0 on the way.
  const [openingA, setOpeningA] = useState<number | 'map' | null>(openingFrameOfB === null ? null : 'map');
  useEffect(() => {
    const bFrame = openingOfB.current;
    if (bFrame === null || (settings.alignment.kind === 'map' && !map.data && !map.error)) return;
    openingOfB.current = null;
    const runs = map.data?.runs ?? null;
    const aFrame =
      sourceFrame(settings.alignment, runs, bFrame, aCount) ??
      frameBefore(runs, bFrame) ??
      Math.min(bFrame, lastFrame);
    setOpeningA(aFrame);
    left.engine.seekToFrame(aFrame);
  }, [map.data, map.error, settings.alignment, left.engine, aCount, lastFrame]);
  // Whatever happens meanwhile (a key pressed, a seek that lands elsewhere), the wait is short.
  useEffect(() => {
    if (openingA === null) return;
    const timer = setTimeout(() => setOpeningA(null), OPENING_WAIT_MS);
    return () => clearTimeout(timer);
  }, [openingA]);

  const frame = left.snapshot.frame;
  const byMap = settings.alignment.kind === 'map';
  const target = targetFrame(settings.alignment, map.data?.runs ?? null, frame, bCount);
  useFollower(left.snapshot, right.engine, right.snapshot, target);
  const frameOfB = target ?? right.snapshot.frame;
  const reportFrameOfB = useEffectEvent(() => onFrameOfBChange?.(frameOfB));
  useEffect(() => {
    reportFrameOfB();
  }, [frameOfB]);
  // The note being written is for one side; its drawing is made on that side's picture.
  const [noteSide, setNoteSide] = useState<'a' | 'b'>('a');
  const draft = useDrawingDraft();
  const aComments = useComments(a.id);
  const bComments = useComments(b.id);
  const notes = compareMarkers(
    aComments.data ?? [],
    bComments.data ?? [],
    settings.alignment,
    map.data?.runs ?? null,
    aCount,
  );
  const absent = absentReason(byMap, map.data, map.error, target, b);

  const { setMarks, loop } = useLoopMarks(left.engine, lastFrame, following ? following.loop : undefined);

  useImperativeHandle(ref, () => playerHandleOf(left.engine), [left.engine]);
  const { speed, shuttle } = left.snapshot;
  const aPlaying = left.snapshot.playing || shuttle !== 0;
  const reportPlayhead = useEffectEvent(() =>
    onPlayheadChange?.({ frame: left.snapshot.frame, playing: aPlaying, speed, shuttle, loop }),
  );
  // A stands on the picture it opened for: from now on the page hears of every move.
  if (openingA !== null && openingA === left.snapshot.frame) setOpeningA(null);
  useEffect(() => {
    if (openingA !== null) return;
    reportPlayhead();
  }, [left.snapshot.frame, aPlaying, speed, shuttle, loop?.from, loop?.to, openingA]);
  const { layout: shownLayout, alignment: shownAlignment, swapped: shownSwapped } = settings;
  const shownOffset = shownAlignment.kind === 'offset' ? shownAlignment.offset : null;
  // Following, what I show is the session's split (so a host caught up drives on from it), else mine as shared.
  const shownSplit = following ? following.shown.split : sharedSplit;
  const reportShown = useEffectEvent(() =>
    onShownChange?.({
      layout: shownLayout,
      alignment: shownAlignment,
      swapped: shownSwapped,
      split: shownSplit,
    }),
  );
  useEffect(() => {
    reportShown();
  }, [shownLayout, shownAlignment.kind, shownOffset, shownSwapped, shownSplit]);
  usePlayerKeys({
    engine: left.engine,
    snapshot: left.snapshot,
    timebase: timebaseA,
    lastFrame,
    setMarks,
    toggleFullscreen: () => {},
    cycleTimeDisplay: () => changeMode(nextDisplayMode(mode)),
    setHelpOpen,
    followingHost: following !== null,
  });

  const seek = (to: number) => {
    // Following, the host moves the pictures: a click on the timeline does not jump them for a moment.
    if (following) return;
    left.engine.pause();
    left.engine.seekToFrame(to);
  };
  const jumpToChange = (direction: 1 | -1) => {
    const found = changes ? nextChange(changes, left.engine.playheadFrame, direction) : null;
    if (found) seek(found.from);
  };
  // B flips the two pictures; N and Shift+N go to the next and the previous change.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!isShortcutKey(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'b' || event.key === 'B') change({ swapped: !settings.swapped });
    // Following, the host moves the playhead: N does nothing rather than jump and be pulled back.
    else if (following && (event.key === 'n' || event.key === 'N')) return;
    else if (event.key === 'n') jumpToChange(1);
    else if (event.key === 'N') jumpToChange(-1);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const { audio, layout, swapped } = settings;
  const leftEngine = left.engine;
  const rightEngine = right.engine;
  useEffect(() => {
    leftEngine.setMuted(audio !== 'a');
    rightEngine.setMuted(audio !== 'b');
  }, [leftEngine, rightEngine, audio]);

  const stacked = layout !== 'side';
  // Stacked, the top picture is B (A when flipped): the wipe shows it right of the split.
  const topStyle: CSSProperties | undefined = !stacked
    ? undefined
    : layout === 'wipe'
      ? { clipPath: `inset(0 0 0 ${split * 100}%)` }
      : layout === 'overlay'
        ? { opacity: 0.5 }
        : { mixBlendMode: 'difference' };
  const splitOf = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return splitAt(event.clientX, box.left, box.width);
  };
  const dragSplit = (event: PointerEvent<HTMLDivElement>) => {
    if (!wipeDrag.active) return;
    const at = splitOf(event);
    setSplit(at);
    wipeDrag.move(at);
  };
  // Let go: the split is where the pointer is. Cancelled or the capture lost: where it last was.
  const endSplit = (event: PointerEvent<HTMLDivElement>, letGo: boolean) => {
    if (!wipeDrag.active) return;
    const at = letGo ? splitOf(event) : null;
    if (at !== null) setSplit(at);
    wipeDrag.end(at);
  };
  const playing = left.snapshot.playing || left.snapshot.shuttle !== 0;
  const noteOn = noteSide === 'b' && target !== null ? 'b' : 'a';
  const label = (at: number) => labelFrame(timebaseA, at, mode);
  // Both versions are of one cut: its room carries what everyone draws on either side.
  const signals = useRoomSignals(a.assetId);
  const sender = useRoomSender();
  const [internal, setInternal] = useState(false);
  const liveDrawing = useLiveDrawing({
    draft,
    assetId: a.assetId,
    versionId: noteOn === 'a' ? a.id : b.id,
    frame: noteOn === 'a' ? frame : (target ?? 0),
    others: signals.presence.map((person) => person.socketId),
    internal: allowInternal && internal,
    send: (stroke) => sender.sendStroke(stroke),
  });
  const laser = live ? { lasers: signals.lasers, pointing: live.pointing } : null;
  const strokesOn = (version: Version) => signals.strokes.filter((stroke) => stroke.versionId === version.id);

  return (
    <div
      className="compare-view"
      data-testid="compare-view"
      data-frame={frame}
      data-playing={playing}
      data-layout={layout}
      data-swapped={swapped}
    >
      <CompareToolbar settings={settings} onChange={change} locked={following !== null} />
      <div
        className={`compare-stage compare-stage-${stacked ? 'stacked' : 'side'}${swapped ? ' compare-swapped' : ''}`}
        data-testid="compare-stage"
        onPointerDown={(event) => {
          // A drawing tool or the laser in hand draws or points; otherwise the wipe's split follows the pointer.
          // Following, the wipe is where the host puts it.
          if (layout !== 'wipe' || event.button !== 0 || draft.tool !== null || live?.pointing || following)
            return;
          event.currentTarget.setPointerCapture(event.pointerId);
          const at = splitOf(event);
          setSplit(at);
          wipeDrag.begin(at);
        }}
        onPointerMove={dragSplit}
        onPointerUp={(event) => endSplit(event, true)}
        onPointerCancel={(event) => endSplit(event, false)}
        onLostPointerCapture={(event) => endSplit(event, false)}
      >
        <Pane
          side="a"
          version={a}
          videoRef={videoA}
          snapshot={left.snapshot}
          timebase={timebaseA}
          frame={frame}
          absent={null}
          comments={aComments.data ?? []}
          live={strokesOn(a)}
          paused={!playing}
          drawing={writer && noteOn === 'a' ? draft : null}
          liveDrawing={liveDrawing}
          laser={laser}
          style={swapped ? topStyle : undefined}
        />
        <Pane
          side="b"
          version={b}
          videoRef={videoB}
          snapshot={right.snapshot}
          timebase={timebaseB}
          frame={target}
          absent={absent}
          comments={bComments.data ?? []}
          live={strokesOn(b)}
          paused={!playing}
          drawing={writer && noteOn === 'b' ? draft : null}
          liveDrawing={liveDrawing}
          laser={laser}
          style={swapped ? undefined : topStyle}
        />
        {layout === 'wipe' && (
          <div
            className="compare-split"
            data-testid="wipe-split"
            style={{ left: `${split * 100}%` }}
            aria-hidden="true"
          />
        )}
        {helpOpen && <ShortcutsOverlay onClose={() => setHelpOpen(false)} />}
      </div>
      <Timeline
        frame={frame}
        totalFrames={aCount}
        availableFrames={null}
        timebase={timebaseA}
        mode={mode}
        storyboard={storyboard.data}
        waveform={undefined}
        onSeek={seek}
        markers={notes.a}
        loop={loop}
      />
      <ChangesStrip changes={byMap ? changes : null} totalFrames={aCount} label={label} onSeek={seek} />
      {/* A's notes, and B's (hollow, "B") at the frames of A showing the same pictures. */}
      <TimelineNotes notes={notes.a} carried={notes.b} totalFrames={aCount} onSeek={seek} />
      <CompareTransport
        engine={left.engine}
        playing={playing}
        aLabel={label(frame)}
        bLabel={target === null ? null : labelFrame(timebaseB, target, mode)}
        hasChanges={byMap && changes !== null && changes.length > 0}
        jumpToChange={jumpToChange}
        helpOpen={helpOpen}
        onToggleHelp={() => setHelpOpen((open) => !open)}
        onCycleMode={() => changeMode(nextDisplayMode(mode))}
        followingHost={following !== null}
      />
      <p className="compare-keys muted">
        Space, J/K/L, ←/→, Home/End move both pictures · B flips A and B · N / Shift+N: next or previous
        change
      </p>
      {writer && (
        <CompareNoteForm
          a={a}
          b={b}
          aFrame={frame}
          bFrame={target}
          side={noteOn}
          onSide={(next) => {
            if (next !== noteSide) draft.reset();
            setNoteSide(next);
          }}
          draft={draft}
          paused={!playing}
          label={{ a: label, b: (at) => labelFrame(timebaseB, at, mode) }}
          allowInternal={allowInternal}
          internal={internal}
          onInternal={setInternal}
          onStartTyping={() => left.engine.pause()}
        />
      )}
    </div>
  );
}

/** What B's pane says when it has no picture for A's frame. */
function absentReason(
  byMap: boolean,
  map: FrameMap | undefined,
  error: Error | null,
  target: number | null,
  b: Version,
): string | null {
  if (target !== null) return null;
  if (!byMap) return `Not in ${versionLabel(b)}: past its first or last frame`;
  if (map) return `Not in ${versionLabel(b)}: this picture was cut`;
  if (error) return `Could not match the pictures: ${describeError(error)}`;
  return 'Matching the pictures of both versions…';
}
