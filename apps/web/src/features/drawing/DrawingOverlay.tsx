import type { Comment, Shape } from '@cutroom/contracts';
import { useRef, useState, type PointerEvent } from 'react';
import type { LiveStroke } from '../../lib/realtime/room-signals';
import { PictureTextBox } from './PictureTextBox';
import { dragShape, isEmptyShape, newShapeId, TEXT_SIZE, textShape, toUnit } from './shape-geometry';
import { RoomDrawings } from './RoomDrawings';
import { ShapeView } from './ShapeView';
import type { DrawingDraft } from './use-drawing-draft';
import './drawing.css';

/** Strokes in progress are sent at most this often (the server admits 15 a second). */
const LIVE_STROKE_INTERVAL_MS = 80;

interface DrawingOverlayProps {
  picture: { width: number; height: number };
  frame: number;
  /** Saved comments whose drawing belongs on the frame shown. */
  saved: readonly Comment[];
  /** Others' strokes on the frame shown. */
  live: readonly LiveStroke[];
  draft: DrawingDraft;
  /** The draft is shown (paused on its frame). */
  showDraft: boolean;
  /** Pointer input draws (a tool is chosen and the player is paused). */
  editable: boolean;
  /** The shape under the pen, for others to see it grow; finished shapes reach them through the draft. */
  onStroke: (shape: Shape) => void;
  /** The pen lifted without making a shape. */
  onStrokeAbandoned: () => void;
}

/** Drawings over the picture: saved ones, others' live strokes, and mine being made. */
export function DrawingOverlay({
  picture,
  frame,
  saved,
  live,
  draft,
  showDraft,
  editable,
  onStroke,
  onStrokeAbandoned,
}: DrawingOverlayProps) {
  const [inProgress, setInProgress] = useState<Shape | null>(null);
  const lastSent = useRef(0);
  const textBox = useRef<HTMLInputElement>(null);

  function pointAt(event: PointerEvent<SVGSVGElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    return toUnit(event.clientX - box.left, event.clientY - box.top, box);
  }

  function sendLive(shape: Shape) {
    const now = Date.now();
    if (now - lastSent.current < LIVE_STROKE_INTERVAL_MS) return;
    lastSent.current = now;
    onStroke(shape);
  }

  function start(event: PointerEvent<SVGSVGElement>) {
    const tool = draft.tool;
    if (!editable || tool === null || event.button !== 0) return;
    event.preventDefault();
    const at = pointAt(event);
    if (tool === 'text') {
      // A click while a text box is open keeps its text (the box loses focus); the next click opens one.
      if (draft.textAt) textBox.current?.blur();
      else draft.setTextAt(at);
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    const shape: Shape =
      tool === 'pen'
        ? { id: newShapeId(), kind: 'freehand', ...draft.style, points: [at[0], at[1]] }
        : dragShape(tool, newShapeId(), draft.style, at, at);
    setInProgress(shape);
  }

  function move(event: PointerEvent<SVGSVGElement>) {
    if (!inProgress) return;
    const at = pointAt(event);
    const next: Shape =
      inProgress.kind === 'freehand'
        ? { ...inProgress, points: [...inProgress.points, at[0], at[1]].slice(-10_000) }
        : inProgress.kind === 'text'
          ? inProgress
          : { ...inProgress, to: at };
    setInProgress(next);
    sendLive(next);
  }

  function finish(event: PointerEvent<SVGSVGElement>) {
    if (!inProgress) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    setInProgress(null);
    if (isEmptyShape(inProgress)) onStrokeAbandoned();
    else draft.add(inProgress, frame);
  }

  function cancel() {
    if (!inProgress) return;
    setInProgress(null);
    onStrokeAbandoned();
  }

  const openTextAt = editable && draft.tool === 'text' ? draft.textAt : null;
  return (
    <>
      <svg
        className={`drawing-overlay${editable ? ' drawing-overlay-editable' : ''}`}
        data-testid="drawing-overlay"
        width={picture.width}
        height={picture.height}
        viewBox={`0 0 ${picture.width} ${picture.height}`}
        role={editable ? 'application' : 'img'}
        aria-label={editable ? 'Drawing area: drag on the picture to draw' : 'Drawings on this frame'}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={finish}
        onPointerCancel={cancel}
      >
        <RoomDrawings saved={saved} live={live} picture={picture} />
        {showDraft && (
          <g data-testid="draft-drawing">
            {draft.history.shapes.map((shape) => (
              <ShapeView key={shape.id} shape={shape} picture={picture} />
            ))}
            {inProgress && <ShapeView shape={inProgress} picture={picture} />}
          </g>
        )}
      </svg>
      {openTextAt && (
        <PictureTextBox
          key={`${openTextAt[0]},${openTextAt[1]}`}
          ref={textBox}
          at={openTextAt}
          picture={picture}
          colour={draft.style.colour}
          size={TEXT_SIZE}
          onCommit={(text) => {
            draft.add(textShape(newShapeId(), draft.style, openTextAt, text), frame);
            draft.setTextAt(null);
          }}
          onCancel={() => draft.setTextAt(null)}
        />
      )}
    </>
  );
}
