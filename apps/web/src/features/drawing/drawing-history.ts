import { MAX_SHAPES, type Annotation, type Shape } from '@cutroom/contracts';

/** The shapes of a drawing being made, with undo and redo. */
export interface DrawingHistory {
  shapes: readonly Shape[];
  past: readonly (readonly Shape[])[];
  future: readonly (readonly Shape[])[];
}

export const EMPTY_DRAWING: DrawingHistory = { shapes: [], past: [], future: [] };

function change(history: DrawingHistory, shapes: readonly Shape[]): DrawingHistory {
  return { shapes, past: [...history.past, history.shapes], future: [] };
}

/** A saved note's shapes, loaded to be changed: undo stops at them, clear takes them away. */
export function loadedDrawing(shapes: readonly Shape[]): DrawingHistory {
  return { shapes: [...shapes], past: [], future: [] };
}

/** The drawing a note carries for these shapes; none when nothing is drawn. */
export function annotationOf(shapes: readonly Shape[]): Annotation | null {
  return shapes.length > 0 ? { version: 1, shapes: [...shapes] } : null;
}

/** A note carries at most MAX_SHAPES shapes: one more is not taken (the toolbar says why). */
export function addShape(history: DrawingHistory, shape: Shape): DrawingHistory {
  if (isFull(history)) return history;
  return change(history, [...history.shapes, shape]);
}

export function isFull(history: DrawingHistory): boolean {
  return history.shapes.length >= MAX_SHAPES;
}

/**
 * Whether a shape drawn at `frame` starts a new drawing: nothing is drawn now and the last drawing
 * (cleared or undone away) was on another frame. Its history goes, so undo never brings shapes
 * back onto a frame they were not drawn on.
 */
export function startsNewDrawing(shapeCount: number, lastFrame: number | null, frame: number): boolean {
  return shapeCount === 0 && lastFrame !== null && lastFrame !== frame;
}

/** Clearing can be undone like any other change. */
export function clearShapes(history: DrawingHistory): DrawingHistory {
  return history.shapes.length === 0 ? history : change(history, []);
}

export function undo(history: DrawingHistory): DrawingHistory {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { shapes: previous, past: history.past.slice(0, -1), future: [history.shapes, ...history.future] };
}

export function redo(history: DrawingHistory): DrawingHistory {
  const [next, ...rest] = history.future;
  if (!next) return history;
  return { shapes: next, past: [...history.past, history.shapes], future: rest };
}

/** Nothing drawn and nothing to undo or redo: a drawing not begun, or started again after posting. */
export function isFresh(history: DrawingHistory): boolean {
  return history.shapes.length === 0 && history.past.length === 0 && history.future.length === 0;
}
