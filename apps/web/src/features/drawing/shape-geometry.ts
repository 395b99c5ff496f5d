import type { Shape } from '@cutroom/contracts';

export type Point = readonly [number, number];
export type DragTool = 'line' | 'arrow' | 'rectangle' | 'ellipse';
export type DrawingTool = 'pen' | DragTool | 'text';

export interface ShapeStyle {
  colour: string;
  /** A fraction of the picture's width. */
  strokeWidth: number;
}

/** A point inside the picture, normalised: (0,0) top-left, (1,1) bottom-right. */
export function toUnit(x: number, y: number, picture: { width: number; height: number }): [number, number] {
  const clamp = (value: number) => Math.max(0, Math.min(1, Number.isFinite(value) ? value : 0));
  return [clamp(x / picture.width), clamp(y / picture.height)];
}

/** A shape dragged from `from` to `to` with one of the two-point tools. */
export function dragShape(tool: DragTool, id: string, style: ShapeStyle, from: Point, to: Point): Shape {
  return { id, kind: tool, ...style, from: [from[0], from[1]], to: [to[0], to[1]] };
}

/** The two barbs of an arrow head at `to`, in pixels, sized by the stroke. */
export function arrowHead(from: Point, to: Point, strokePx: number): [Point, Point] {
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
  const length = Math.max(10, strokePx * 4);
  const spread = Math.PI / 7;
  const barb = (side: number): Point => [
    to[0] - length * Math.cos(angle + side * spread),
    to[1] - length * Math.sin(angle + side * spread),
  ];
  return [barb(1), barb(-1)];
}

/** Whether a shape is too small to keep (a click without a drag). */
export function isEmptyShape(shape: Shape): boolean {
  if (shape.kind === 'freehand') return shape.points.length < 4;
  if (shape.kind === 'text') return shape.text.trim() === '';
  return shape.from[0] === shape.to[0] && shape.from[1] === shape.to[1];
}

/** Text is drawn at a readable size: 5 % of the picture's height. */
export const TEXT_SIZE = 0.05;

/** Text at `at` (its top-left corner). */
export function textShape(id: string, style: ShapeStyle, at: Point, text: string): Shape {
  return { id, kind: 'text', ...style, at: [at[0], at[1]], text: text.trim(), size: TEXT_SIZE };
}

let shapeCount = 0;
/** Unique enough for shapes of one drawing, and usable outside secure contexts (unlike randomUUID). */
export function newShapeId(): string {
  shapeCount += 1;
  return `${Date.now().toString(36)}-${shapeCount}-${Math.random().toString(36).slice(2, 8)}`;
}
