import { z } from 'zod';
import { safeText } from './text';

/**
 * Drawings on a frame. Coordinates are normalised to the picture: (0,0) is its top-left corner,
 * (1,1) its bottom-right, whatever size the player is. Stroke widths are fractions of the
 * picture's width. Bounded everywhere so one drawing can never be huge.
 */
export const MAX_SHAPES = 200;
export const MAX_POINTS_PER_STROKE = 5000;
export const MAX_POINTS_PER_ANNOTATION = 20000;
export const MAX_SHAPE_TEXT = 500;

const unit = z.number().finite().min(0).max(1);
const point = z.tuple([unit, unit]);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #ff3b30');
const strokeWidth = z.number().finite().min(0.0005).max(0.1);

const base = { id: z.string().min(1).max(64).check(safeText('line')), colour, strokeWidth };

export const freehandShapeSchema = z.strictObject({
  ...base,
  kind: z.literal('freehand'),
  /** Flat [x0, y0, x1, y1, …]: compact on the wire and in jsonb. */
  points: z
    .array(unit)
    .min(2)
    .max(MAX_POINTS_PER_STROKE * 2)
    .refine((points) => points.length % 2 === 0, 'must hold x,y pairs'),
  /** Pen pressure per point (0..1), when the device reports it. */
  pressure: z.array(unit).max(MAX_POINTS_PER_STROKE).optional(),
});

export const lineShapeSchema = z.strictObject({ ...base, kind: z.literal('line'), from: point, to: point });
export const arrowShapeSchema = z.strictObject({ ...base, kind: z.literal('arrow'), from: point, to: point });
export const rectangleShapeSchema = z.strictObject({
  ...base,
  kind: z.literal('rectangle'),
  from: point,
  to: point,
});
export const ellipseShapeSchema = z.strictObject({
  ...base,
  kind: z.literal('ellipse'),
  from: point,
  to: point,
});
export const textShapeSchema = z.strictObject({
  ...base,
  kind: z.literal('text'),
  at: point,
  text: z.string().min(1).max(MAX_SHAPE_TEXT).check(safeText('multiline')),
  /** Font size as a fraction of the picture's height. */
  size: z.number().finite().min(0.01).max(0.3),
});

export const shapeSchema = z.discriminatedUnion('kind', [
  freehandShapeSchema,
  lineShapeSchema,
  arrowShapeSchema,
  rectangleShapeSchema,
  ellipseShapeSchema,
  textShapeSchema,
]);
export type Shape = z.infer<typeof shapeSchema>;
export type ShapeKind = Shape['kind'];

/** The points a drawing holds, as its bound counts them: a freehand stroke its own, any other shape two. */
export function drawingPointCount(shapes: readonly Shape[]): number {
  return shapes.reduce((sum, s) => sum + (s.kind === 'freehand' ? s.points.length / 2 : 2), 0);
}

export const annotationSchema = z
  .strictObject({
    /** Schema version of the drawing, for future migrations of stored shapes. */
    version: z.literal(1),
    shapes: z.array(shapeSchema).min(1).max(MAX_SHAPES),
  })
  .refine(
    (annotation) => drawingPointCount(annotation.shapes) <= MAX_POINTS_PER_ANNOTATION,
    `a drawing may hold at most ${MAX_POINTS_PER_ANNOTATION} points`,
  )
  .refine(
    (annotation) =>
      annotation.shapes.every(
        (s) => s.kind !== 'freehand' || !s.pressure || s.pressure.length === s.points.length / 2,
      ),
    'pressure must have one value per point',
  );
export type Annotation = z.infer<typeof annotationSchema>;
