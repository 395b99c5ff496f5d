import type { Asset, Comment, Presence, ProjectRole, Version } from '@cutroom/contracts';
import { useState, type ReactNode, type RefObject } from 'react';
import { describeError } from '../../lib/api-client';
import { useLaserClock, useRoomSender, useRoomSignals } from '../../lib/realtime/realtime-context';
import { CarriedOverPanel } from '../approvals/CarriedOverPanel';
import { useCarriedMarkers } from '../approvals/use-carried-markers';
import { useCurrentUser } from '../auth/session-queries';
import { CommentComposer } from '../comments/CommentComposer';
import { drawingsAt } from '../comments/comment-list';
import { canComment } from '../comments/comment-permissions';
import { useComments } from '../comments/comment-queries';
import { CommentsPanel } from '../comments/CommentsPanel';
import { FullscreenComposer } from '../comments/FullscreenComposer';
import { useDrawingEdit } from '../comments/use-drawing-edit';
import { useNoteDraft } from '../comments/use-note-draft';
import { DrawingOverlay } from '../drawing/DrawingOverlay';
import { useDrawingDraft } from '../drawing/use-drawing-draft';
import { useDrawingShortcuts } from '../drawing/use-drawing-shortcuts';
import { useLiveDrawing } from '../drawing/use-live-drawing';
import { LaserLayer } from '../live-session/LaserLayer';
import type { PlayerHandle, PlayheadState } from '../player/Player';
import { labelFrame } from '../player/timebase';
import type { TimelineMarker, TimelinePlayhead } from '../player/Timeline';
import { PresenceBar } from '../presence/PresenceBar';
import { presenceColour } from '../presence/presence-colour';
import { usePresenceReporter } from '../presence/use-presence-reporter';
import { useMembers } from '../projects/project-queries';
import { holdFrameForNote } from './hold-frame';
import { ReviewStage } from './ReviewStage';
import { SideTabs } from './SideTabs';

/** A note's opening, for a marker's tooltip. */
function firstWords(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60).trimEnd()}…` : line;
}

interface ReviewRoomProps {
  asset: Asset;
  version: Version;
  /** The caller's role; null while the project is loading (nothing to write with yet). */
  role: ProjectRole | null;
  /** A review-link guest: no member list to mention from, no internal notes. */
  guest: boolean;
  playerRef: RefObject<PlayerHandle | null>;
  startFrame: number;
  /** The side column's Details tab: the file's facts, the rounds. */
  details: ReactNode;
  /** Which side tab is open (notes or details), kept by the page across versions. */
  sideTab: string;
  onSideTab: (tab: string) => void;
  /** Where the player is, for the page around the room (a live session's host drives from it). */
  onPlayheadChange?: (state: PlayheadState) => void;
  /**
   * In a live session whose picture I share: only the host's and annotators' (`drawers`) drawings
   * and laser pointers show on it, and mine goes to everyone while `pointing`.
   */
  live?: {
    drawers: ReadonlySet<string>;
    pointing: boolean;
    /** Following (not hosting): the host's loop, and who the host is. */
    hostLoop?: { range: { from: number; to: number } | null; by: string };
  } | null;
}

/** One version under review: the player with drawings and markers, the comments, and who else is here. */
export function ReviewRoom({
  asset,
  version,
  role,
  guest,
  playerRef,
  startFrame,
  details,
  sideTab,
  onSideTab,
  onPlayheadChange,
  live = null,
}: ReviewRoomProps) {
  const user = useCurrentUser();
  const [playhead, setPlayhead] = useState<PlayheadState | null>(null);
  const draft = useDrawingDraft();
  useDrawingShortcuts(draft);
  const comments = useComments(version.id);
  const carriedMarkers = useCarriedMarkers(version);
  const members = useMembers(asset.projectId, !guest);
  const signals = useRoomSignals(asset.id);
  const sender = useRoomSender();
  const frame = playhead?.frame ?? startFrame;
  const paused = !(playhead?.playing ?? false);
  const writer = role !== null && canComment(role);
  usePresenceReporter(asset.id, version.id, playhead ? frame : null, !paused);
  const note = useNoteDraft({
    versionId: version.id,
    drawing: draft,
    onTyping: (typing, internal) => sender.sendTyping(asset.id, typing, !guest && internal),
    startTyping: () => holdFrameForNote(playerRef.current),
  });
  // Changing a posted note's drawing shows it live to those who may see that note.
  const [editingInternal, setEditingInternal] = useState<boolean | null>(null);
  /** The note a picked timeline marker points at, for the notes list to bring into view. */
  const [revealed, setRevealed] = useState<{ commentId: string; seq: number } | null>(null);
  const liveDrawing = useLiveDrawing({
    draft,
    assetId: asset.id,
    versionId: version.id,
    frame,
    others: signals.presence.map((p) => p.socketId),
    internal: !guest && (editingInternal ?? note.internal),
    send: (stroke) => sender.sendStroke(stroke),
  });
  const edit = useDrawingEdit({ draft, live: liveDrawing });
  const { editing } = edit;
  if (!editing && editingInternal !== null) setEditingInternal(null);

  const label = (at: number) => (playhead ? labelFrame(playhead.timebase, at, playhead.mode) : `Frame ${at}`);
  const where = (comment: Comment) =>
    comment.frame === null
      ? null
      : comment.frameEnd !== null && comment.frameEnd !== comment.frame
        ? `${label(comment.frame)} – ${label(comment.frameEnd)}`
        : label(comment.frame);
  // Following a live session's host, the host moves everyone's picture: a note's frame (or a
  // drawing's) is not gone to here, where the host's would only pull it back.
  const followingHost = live?.hostLoop !== undefined;
  const seekBlocked = followingHost
    ? 'The host moves the picture while you follow: Break away to go to a note'
    : null;
  const seekTo = (at: number) => {
    if (followingHost) return;
    playerRef.current?.pause();
    playerRef.current?.seekToFrame(at);
  };

  const startEditingDrawing = (comment: Comment) => {
    if (comment.frame === null) return;
    seekTo(comment.frame);
    setEditingInternal(comment.internal);
    edit.start(comment);
  };

  const list = comments.data ?? [];
  const openCount = list.filter((comment) => comment.parentId === null && !comment.resolved).length;
  const markers: TimelineMarker[] = list
    .filter((comment) => comment.parentId === null && comment.frame !== null)
    .map((comment) => ({
      id: comment.id,
      frame: comment.frame ?? 0,
      frameEnd: comment.frameEnd !== null && comment.frameEnd !== comment.frame ? comment.frameEnd : null,
      resolved: comment.resolved,
      author: comment.author,
      label: `${comment.author?.displayName ?? 'Former member'}: ${firstWords(comment.body)}`,
    }));
  const others = signals.presence;
  const playheads: TimelinePlayhead[] = others
    .filter((p) => p.versionId === version.id && p.frame !== null)
    .map((p) => ({
      id: p.socketId,
      frame: p.frame ?? 0,
      label: p.user.displayName,
      colour: presenceColour(p.user.id),
    }));
  const describePresence = (p: Presence) =>
    p.versionId !== version.id
      ? 'on another version'
      : p.frame === null
        ? 'here'
        : `${p.playing ? 'playing' : 'paused'} at ${label(p.frame)}`;

  // A note's drawing being changed stays on the note's frame, even once cleared.
  const onDraftFrame = editing ? editing.frame === frame : draft.frame === null || draft.frame === frame;
  const canDraw = writer && paused && onDraftFrame;
  const placeText = () => {
    if (canDraw) draft.setTextAt([0.05, 0.05]);
  };
  const lasers = live ? signals.lasers.filter((l) => l.versionId === version.id) : [];
  const laserClock = useLaserClock(asset.id, lasers.length);
  const renderOverlay = (picture: { width: number; height: number }) => (
    <>
      <DrawingOverlay
        picture={picture}
        frame={frame}
        saved={paused ? drawingsAt(list, frame).filter((comment) => comment.id !== editing?.commentId) : []}
        live={
          paused
            ? signals.strokes.filter(
                (s) =>
                  s.versionId === version.id && s.frame === frame && (!live || live.drawers.has(s.userId)),
              )
            : []
        }
        draft={draft}
        showDraft={paused && onDraftFrame}
        editable={canDraw && draft.tool !== null && !live?.pointing}
        onStroke={liveDrawing.stroke}
        onStrokeAbandoned={liveDrawing.abandon}
      />
      {live && (
        <LaserLayer
          picture={picture}
          lasers={lasers}
          nowMs={laserClock}
          pointing={live.pointing}
          onPoint={(point) => sender.sendLaser({ assetId: asset.id, versionId: version.id, point })}
        />
      )}
    </>
  );
  const fullscreenControls = writer ? (
    <FullscreenComposer
      note={note}
      draft={draft}
      edit={edit}
      members={members.data ?? []}
      frame={frame}
      paused={paused}
      label={label}
      onGoToDrawing={seekTo}
      onPlaceText={placeText}
    />
  ) : null;

  const notesTab = (
    <>
      <CommentsPanel
        versionId={version.id}
        comments={comments.data}
        error={
          comments.error ? (
            <p className="form-alert" role="alert">
              {describeError(comments.error)}
            </p>
          ) : null
        }
        userId={user.id}
        role={role ?? 'viewer'}
        members={members.data ?? []}
        where={where}
        typing={signals.typing.filter((person) => person.id !== user.id)}
        onSeek={(comment) => {
          if (comment.frame !== null) seekTo(comment.frame);
        }}
        seekBlocked={seekBlocked}
        reveal={revealed}
        onEditDrawing={writer && playhead !== null ? startEditingDrawing : undefined}
        editDrawingBlocked={
          seekBlocked !== null
            ? 'The host moves the picture while you follow: Break away to edit a drawing'
            : editing
              ? 'Save or cancel the drawing being edited first'
              : draft.history.shapes.length > 0
                ? 'Post or clear the drawing you are making first'
                : null
        }
        composer={
          writer ? (
            <CommentComposer
              note={note}
              members={members.data ?? []}
              frame={frame}
              paused={paused}
              loop={playhead?.loop ?? null}
              draft={draft}
              edit={edit}
              label={label}
              onGoToDrawing={seekTo}
              onPlaceText={placeText}
              pinnable={playhead !== null}
              allowInternal={!guest}
            />
          ) : null
        }
      />
      {version.number > 1 && (
        <CarriedOverPanel
          version={version}
          userId={user.id}
          role={role ?? 'viewer'}
          label={label}
          onSeek={seekTo}
        />
      )}
    </>
  );

  return (
    <div className="review-layout">
      <div className="review-main">
        <PresenceBar others={others} describe={describePresence} />
        <ReviewStage
          version={version}
          playerRef={playerRef}
          startFrame={startFrame}
          playerProps={{
            markers,
            carriedMarkers,
            playheads,
            renderOverlay,
            fullscreenControls,
            sharedLoop: live?.hostLoop?.range,
            sharedLoopBy: live?.hostLoop?.by,
            onMarkerPick: ([first]) => setRevealed((now) => ({ commentId: first, seq: (now?.seq ?? 0) + 1 })),
            onPlayheadChange: (state) => {
              setPlayhead(state);
              onPlayheadChange?.(state);
            },
          }}
        />
      </div>
      <aside className="review-side" aria-label="Notes and details">
        <SideTabs
          label="Notes and details"
          selected={sideTab}
          onSelect={onSideTab}
          tabs={[
            {
              id: 'notes',
              label: (
                <>
                  Notes <span className="comments-count">{openCount}</span>
                </>
              ),
              content: notesTab,
            },
            { id: 'details', label: 'Details', content: details },
          ]}
        />
      </aside>
    </div>
  );
}
