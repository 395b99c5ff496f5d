import type { ComposeTarget } from './compose-target';

interface ComposerWhereProps {
  target: ComposeTarget;
  /** The frame on screen. */
  frame: number;
  /** The frame typing pinned the note to; null until then. */
  pinnedFrame: number | null;
  /** The frame of the drawing being made, which the note follows. */
  drawingFrame: number | null;
  label: (frame: number) => string;
  onGoTo: (frame: number) => void;
  onPinHere: () => void;
  onMakeGeneral: () => void;
}

/**
 * Where the note goes: the frame on screen until typing pins it, then a chip with that frame ("at
 * 00:01:02:03") which stays wherever the playhead goes, with a way to pin it here instead or make it a
 * general note. A range or a drawing's frame is shown as such.
 */
export function ComposerWhere({
  target,
  frame,
  pinnedFrame,
  drawingFrame,
  label,
  onGoTo,
  onPinHere,
  onMakeGeneral,
}: ComposerWhereProps) {
  if (target.kind === 'general') {
    return (
      <p className="composer-where">
        <span data-testid="composer-where">General note</span>
      </p>
    );
  }
  if (target.kind === 'range') {
    return (
      <p className="composer-where">
        <span data-testid="composer-where">{`${label(target.frame)} – ${label(target.frameEnd)}`}</span>
      </p>
    );
  }
  if (drawingFrame !== null) {
    return (
      <p className="composer-where">
        <span data-testid="composer-where">{label(drawingFrame)}</span>
        {drawingFrame !== frame && (
          <button type="button" className="link-button" onClick={() => onGoTo(drawingFrame)}>
            Show the drawing
          </button>
        )}
      </p>
    );
  }
  if (pinnedFrame === null) {
    return (
      <p className="composer-where" title="Typing pins the note to the frame on screen">
        <span data-testid="composer-where">{label(frame)}</span>
      </p>
    );
  }
  return (
    <p className="composer-where composer-pinned" data-testid="composer-pin" data-frame={pinnedFrame}>
      <button
        type="button"
        className="composer-pin-chip"
        title="Pinned here when you began typing: show this frame"
        aria-label={`Pinned at ${label(pinnedFrame)}: show this frame`}
        onClick={() => onGoTo(pinnedFrame)}
      >
        at <span data-testid="composer-where">{label(pinnedFrame)}</span>
      </button>
      {pinnedFrame !== frame && (
        <button type="button" className="link-button" onClick={onPinHere}>
          Pin to {label(frame)}
        </button>
      )}
      <button
        type="button"
        className="composer-pin-clear"
        aria-label="Unpin: make it a general note"
        title="Unpin: make it a general note"
        onClick={onMakeGeneral}
      >
        ×
      </button>
    </p>
  );
}
