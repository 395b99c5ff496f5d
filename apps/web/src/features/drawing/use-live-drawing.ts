import type { DrawingStroke, Shape } from '@cutroom/contracts';
import { useEffect, useEffectEvent, useRef } from 'react';
import { isFresh } from './drawing-history';
import type { DrawingDraft } from './use-drawing-draft';

interface LiveDrawingInput {
  draft: DrawingDraft;
  assetId: string;
  versionId: string;
  /** The frame on screen, where a stroke being drawn is. */
  frame: number;
  /** The sockets of the others in the room: someone new is told what is drawn so far. */
  others: readonly string[];
  /** For an internal note: guests are not shown it, and drop what they were shown once it turns internal. */
  internal: boolean;
  send: (stroke: DrawingStroke) => void;
}

/** What the drawing overlay tells the room while the pen is down. */
export interface LiveDrawing {
  /** The shape under the pen as it grows (the overlay paces these). */
  stroke(shape: Shape): void;
  /** The pen lifted without making a shape (a click, a cancelled touch): others drop the stroke. */
  abandon(): void;
  /** My drawing is put away without a new note (saved into an existing one, or cancelled): others drop it. */
  withdraw(): void;
}

/**
 * Others in the room see my drawing as my draft has it: the stroke under the pen, then all the
 * finished shapes, sent whole whenever they change (drawn, undone, redone, cleared), so an undo
 * takes a shape away for them too.
 */
export function useLiveDrawing({
  draft,
  assetId,
  versionId,
  frame,
  others,
  internal,
  send,
}: LiveDrawingInput): LiveDrawing {
  const { history } = draft;
  /** Others hold finished shapes of mine. */
  const shown = useRef(false);
  /** Others hold a stroke of mine that no finished shapes have replaced yet. */
  const stroking = useRef(false);

  const tell = (shapes: readonly Shape[]) => {
    shown.current = shapes.length > 0;
    stroking.current = false;
    send({ assetId, versionId, frame: draft.frame ?? frame, internal, shapes: [...shapes] });
  };

  const shapesChanged = useEffectEvent(() => {
    // Just posted: the comment's arrival clears others' copies in the update that shows its drawing.
    if (isFresh(history)) shown.current = false;
    else tell(history.shapes);
  });
  useEffect(() => shapesChanged(), [history.shapes]);

  // Internal ticked or unticked mid-draft: the server moves what I show to the new audience.
  const audienceChanged = useEffectEvent(() => {
    if (shown.current || stroking.current) tell(history.shapes);
  });
  const sentInternal = useRef(internal);
  useEffect(() => {
    if (sentInternal.current === internal) return;
    sentInternal.current = internal;
    audienceChanged();
  }, [internal]);

  const othersKey = [...others].sort().join(' ');
  const known = useRef<ReadonlySet<string>>(new Set());
  const othersChanged = useEffectEvent(() => {
    const now = new Set(others);
    const someoneNew = others.some((socketId) => !known.current.has(socketId));
    known.current = now;
    if (someoneNew && shown.current) tell(history.shapes);
  });
  useEffect(() => othersChanged(), [othersKey]);

  const withdraw = () => {
    if (shown.current || stroking.current) tell([]);
  };
  // Leaving (another version, another page): what others hold of mine goes.
  const leave = useEffectEvent(withdraw);
  useEffect(() => () => leave(), []);

  return {
    stroke(shape) {
      stroking.current = true;
      send({ assetId, versionId, frame, internal, shape });
    },
    abandon() {
      if (stroking.current) tell(history.shapes);
    },
    withdraw,
  };
}
