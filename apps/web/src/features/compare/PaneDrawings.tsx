import type { Comment, Shape } from '@cutroom/contracts';
import type { RefObject } from 'react';
import { drawingsAt } from '../comments/comment-list';
import '../drawing/drawing.css';
import { DrawingOverlay } from '../drawing/DrawingOverlay';
import { RoomDrawings } from '../drawing/RoomDrawings';
import type { LiveStroke } from '../../lib/realtime/room-signals';
import type { DrawingDraft } from '../drawing/use-drawing-draft';
import { usePictureRect } from '../player/use-picture-rect';

/**
 * Over one side's picture, paused: its notes' saved drawings on the frame it shows, what others in
 * the room are drawing on it, and on the side a note is being written for, the drawing being made
 * (drawn with the note form's tools, shown live to the others).
 */
export function PaneDrawings({
  videoRef,
  comments,
  live,
  frame,
  show,
  drawing,
  onStroke,
  onStrokeAbandoned,
}: {
  videoRef: RefObject<HTMLVideoElement | null>;
  comments: readonly Comment[];
  /** Others' strokes on this side's version and frame. */
  live: readonly LiveStroke[];
  frame: number;
  show: boolean;
  /** The note's drawing, when the note is for this side. */
  drawing: DrawingDraft | null;
  onStroke: (shape: Shape) => void;
  onStrokeAbandoned: () => void;
}) {
  const picture = usePictureRect(videoRef);
  const saved = show ? drawingsAt(comments, frame) : [];
  const strokes = show ? live : [];
  if (!picture) return null;
  const box = { left: picture.left, top: picture.top, width: picture.width, height: picture.height };
  if (drawing) {
    const onDraftFrame = drawing.frame === null || drawing.frame === frame;
    return (
      <div className="player-picture" style={box}>
        <DrawingOverlay
          picture={picture}
          frame={frame}
          saved={saved}
          live={strokes}
          draft={drawing}
          showDraft={show && onDraftFrame}
          editable={show && onDraftFrame && drawing.tool !== null}
          onStroke={onStroke}
          onStrokeAbandoned={onStrokeAbandoned}
        />
      </div>
    );
  }
  if (saved.length === 0 && strokes.length === 0) return null;
  return (
    <div className="player-picture" style={box}>
      <svg
        className="drawing-overlay"
        width={picture.width}
        height={picture.height}
        viewBox={`0 0 ${picture.width} ${picture.height}`}
        role="img"
        aria-label="Drawings on this frame"
      >
        <RoomDrawings saved={saved} live={strokes} picture={picture} />
      </svg>
    </div>
  );
}
