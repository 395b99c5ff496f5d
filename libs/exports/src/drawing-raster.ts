import type { Annotation, Shape } from '@cutroom/contracts';

/** A drawing's text, placed for ffmpeg's drawtext: pixels from the top-left of the picture. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  /** Pixel height of the type. */
  size: number;
  colour: string;
}

/** A drawing at a picture's size: its lines as RGBA pixels (straight alpha), its text to typeset. */
export interface DrawingRaster {
  width: number;
  height: number;
  rgba: Uint8Array;
  texts: PlacedText[];
}

type Point = readonly [number, number];

const ELLIPSE_SEGMENTS = 72;
const ARROW_HEAD_ANGLE = Math.PI / 7;

function rgb(colour: string): [number, number, number] {
  const value = parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Paints one round-capped segment: each pixel covered by its distance to the segment, anti-aliased. */
function paintSegment(
  raster: DrawingRaster,
  a: Point,
  b: Point,
  halfWidth: number,
  colour: [number, number, number],
) {
  const { width, height, rgba } = raster;
  const reach = halfWidth + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - reach));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a[0], b[0]) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - reach));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a[1], b[1]) + reach));
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      const px = x + 0.5 - a[0];
      const py = y + 0.5 - a[1];
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
      const distance = Math.hypot(px - t * dx, py - t * dy);
      const coverage = Math.min(1, halfWidth + 0.5 - distance);
      if (coverage <= 0) continue;
      const at = (y * width + x) * 4;
      const alpha = Math.round(coverage * 255);
      // The same stroke's segments overlap at joints: keep the strongest cover rather than stacking.
      if (
        alpha <= rgba[at + 3] &&
        rgba[at] === colour[0] &&
        rgba[at + 1] === colour[1] &&
        rgba[at + 2] === colour[2]
      )
        continue;
      const kept = (rgba[at + 3] / 255) * (1 - coverage);
      const total = coverage + kept;
      for (let c = 0; c < 3; c += 1)
        rgba[at + c] = Math.round((colour[c] * coverage + rgba[at + c] * kept) / total);
      rgba[at + 3] = Math.round(total * 255);
    }
  }
}

function polyline(
  raster: DrawingRaster,
  points: Point[],
  halfWidth: number,
  colour: [number, number, number],
) {
  if (points.length === 1) paintSegment(raster, points[0], points[0], halfWidth, colour);
  for (let i = 1; i < points.length; i += 1)
    paintSegment(raster, points[i - 1], points[i], halfWidth, colour);
}

function shapeOutline(shape: Shape, width: number, height: number, lineWidth: number): Point[][] {
  const at = (p: readonly [number, number]): Point => [p[0] * width, p[1] * height];
  switch (shape.kind) {
    case 'freehand': {
      const points: Point[] = [];
      for (let i = 0; i + 1 < shape.points.length; i += 2)
        points.push([shape.points[i] * width, shape.points[i + 1] * height]);
      return [points];
    }
    case 'line':
      return [[at(shape.from), at(shape.to)]];
    case 'arrow': {
      const from = at(shape.from);
      const to = at(shape.to);
      const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
      const head = Math.max(lineWidth * 4, Math.hypot(to[0] - from[0], to[1] - from[1]) * 0.2, 8);
      const wing = (side: number): Point => [
        to[0] - head * Math.cos(angle + side * ARROW_HEAD_ANGLE),
        to[1] - head * Math.sin(angle + side * ARROW_HEAD_ANGLE),
      ];
      return [
        [from, to],
        [wing(1), to, wing(-1)],
      ];
    }
    case 'rectangle': {
      const [x0, y0] = at(shape.from);
      const [x1, y1] = at(shape.to);
      return [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ];
    }
    case 'ellipse': {
      const [x0, y0] = at(shape.from);
      const [x1, y1] = at(shape.to);
      const cx = (x0 + x1) / 2;
      const cy = (y0 + y1) / 2;
      const points: Point[] = [];
      for (let i = 0; i <= ELLIPSE_SEGMENTS; i += 1) {
        const a = (i / ELLIPSE_SEGMENTS) * 2 * Math.PI;
        points.push([cx + (Math.abs(x1 - x0) / 2) * Math.cos(a), cy + (Math.abs(y1 - y0) / 2) * Math.sin(a)]);
      }
      return [points];
    }
    case 'text':
      return [];
  }
}

/**
 * Renders a drawing (normalised 0..1 coordinates, stroke widths as fractions of the picture's
 * width) at a picture's pixel size, to be laid over the frame. Pure: no canvas, no browser.
 */
export function rasterizeDrawing(annotation: Annotation, width: number, height: number): DrawingRaster {
  const raster: DrawingRaster = { width, height, rgba: new Uint8Array(width * height * 4), texts: [] };
  for (const shape of annotation.shapes) {
    const lineWidth = Math.max(1, shape.strokeWidth * width);
    if (shape.kind === 'text') {
      raster.texts.push({
        text: shape.text,
        x: Math.round(shape.at[0] * width),
        y: Math.round(shape.at[1] * height),
        size: Math.max(6, Math.round(shape.size * height)),
        colour: shape.colour,
      });
      continue;
    }
    for (const line of shapeOutline(shape, width, height, lineWidth))
      polyline(raster, line, lineWidth / 2, rgb(shape.colour));
  }
  return raster;
}
