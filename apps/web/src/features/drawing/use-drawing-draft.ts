import type { Annotation, Shape } from '@cutroom/contracts';
import { useState } from 'react';
import {
  addShape,
  annotationOf,
  clearShapes,
  EMPTY_DRAWING,
  loadedDrawing,
  redo,
  startsNewDrawing,
  undo,
  type DrawingHistory,
} from './drawing-history';
import type { DrawingTool, Point, ShapeStyle } from './shape-geometry';

export const COLOURS = [
  { name: 'Red', value: '#ff3b30' },
  { name: 'Yellow', value: '#ffd60a' },
  { name: 'Green', value: '#34c759' },
  { name: 'Blue', value: '#0a84ff' },
  { name: 'White', value: '#ffffff' },
  { name: 'Black', value: '#000000' },
] as const;

export const STROKE_WIDTHS = [
  { name: 'Thin', value: 0.003 },
  { name: 'Medium', value: 0.006 },
  { name: 'Thick', value: 0.012 },
] as const;

/** The drawing attached to the comment being written: its shapes, the frame it is on, and the tools. */
export interface DrawingDraft {
  history: DrawingHistory;
  /** The frame the first shape was drawn on; the comment is pinned there. */
  frame: number | null;
  /** Null while not drawing (the picture takes clicks as play/pause). */
  tool: DrawingTool | null;
  style: ShapeStyle;
  /** Where the text box being typed on the picture is (normalised); null when none is open. */
  textAt: Point | null;
  setTool(tool: DrawingTool | null): void;
  setStyle(style: ShapeStyle): void;
  setTextAt(at: Point | null): void;
  add(shape: Shape, frame: number): void;
  undo(): void;
  redo(): void;
  clear(): void;
  /** The drawing to save with the comment, if any. */
  annotation(): Annotation | undefined;
  /** A saved note's drawing, to change it: its shapes on its frame, tools put away. */
  load(shapes: readonly Shape[], frame: number): void;
  /** After posting: start again with an empty drawing, tools put away. */
  reset(): void;
}

export function useDrawingDraft(): DrawingDraft {
  const [history, setHistory] = useState<DrawingHistory>(EMPTY_DRAWING);
  const [frame, setFrame] = useState<number | null>(null);
  const [tool, setTool] = useState<DrawingTool | null>(null);
  const [style, setStyle] = useState<ShapeStyle>({
    colour: COLOURS[0].value,
    strokeWidth: STROKE_WIDTHS[1].value,
  });
  const [textAt, setTextAt] = useState<Point | null>(null);
  const shapesFrame = history.shapes.length > 0 ? frame : null;
  return {
    history,
    frame: shapesFrame,
    tool,
    style,
    textAt,
    setTool(next) {
      setTool(next);
      if (next !== 'text') setTextAt(null);
    },
    setStyle,
    setTextAt,
    add(shape, at) {
      const fresh = startsNewDrawing(history.shapes.length, frame, at);
      if (shapesFrame === null) setFrame(at);
      setHistory((current) => addShape(fresh ? EMPTY_DRAWING : current, shape));
    },
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
    clear: () => setHistory(clearShapes),
    annotation: () => annotationOf(history.shapes) ?? undefined,
    load(shapes, at) {
      setHistory(loadedDrawing(shapes));
      setFrame(at);
      setTool(null);
      setTextAt(null);
    },
    reset() {
      setHistory(EMPTY_DRAWING);
      setFrame(null);
      setTool(null);
      setTextAt(null);
    },
  };
}
