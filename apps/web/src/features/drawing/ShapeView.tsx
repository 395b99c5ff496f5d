import type { Annotation, Shape } from '@cutroom/contracts';
import { arrowHead, type Point } from './shape-geometry';

interface PictureSize {
  width: number;
  height: number;
}

/** One shape in the picture's pixels; text is rendered as SVG text, never as HTML. */
export function ShapeView({ shape, picture }: { shape: Shape; picture: PictureSize }) {
  const px = (point: readonly [number, number]): Point => [
    point[0] * picture.width,
    point[1] * picture.height,
  ];
  const stroke = {
    stroke: shape.colour,
    strokeWidth: Math.max(1, shape.strokeWidth * picture.width),
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    fill: 'none',
  };
  switch (shape.kind) {
    case 'freehand': {
      const points: string[] = [];
      for (let at = 0; at + 1 < shape.points.length; at += 2) {
        points.push(`${shape.points[at] * picture.width},${shape.points[at + 1] * picture.height}`);
      }
      return <polyline data-shape="freehand" points={points.join(' ')} {...stroke} />;
    }
    case 'line': {
      const [from, to] = [px(shape.from), px(shape.to)];
      return <line data-shape="line" x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} {...stroke} />;
    }
    case 'arrow': {
      const [from, to] = [px(shape.from), px(shape.to)];
      const [left, right] = arrowHead(from, to, stroke.strokeWidth);
      return (
        <g data-shape="arrow">
          <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} {...stroke} />
          <polyline points={`${left[0]},${left[1]} ${to[0]},${to[1]} ${right[0]},${right[1]}`} {...stroke} />
        </g>
      );
    }
    case 'rectangle': {
      const [from, to] = [px(shape.from), px(shape.to)];
      return (
        <rect
          data-shape="rectangle"
          x={Math.min(from[0], to[0])}
          y={Math.min(from[1], to[1])}
          width={Math.abs(to[0] - from[0])}
          height={Math.abs(to[1] - from[1])}
          {...stroke}
        />
      );
    }
    case 'ellipse': {
      const [from, to] = [px(shape.from), px(shape.to)];
      return (
        <ellipse
          data-shape="ellipse"
          cx={(from[0] + to[0]) / 2}
          cy={(from[1] + to[1]) / 2}
          rx={Math.abs(to[0] - from[0]) / 2}
          ry={Math.abs(to[1] - from[1]) / 2}
          {...stroke}
        />
      );
    }
    case 'text': {
      const at = px(shape.at);
      return (
        <text
          data-shape="text"
          x={at[0]}
          y={at[1]}
          fill={shape.colour}
          fontSize={shape.size * picture.height}
          dominantBaseline="hanging"
          paintOrder="stroke"
          stroke="#000"
          strokeWidth={Math.max(1, shape.size * picture.height * 0.08)}
        >
          {shape.text}
        </text>
      );
    }
  }
}

/** A saved drawing. */
export function AnnotationView({
  annotation,
  picture,
  label,
}: {
  annotation: Annotation;
  picture: PictureSize;
  label: string;
}) {
  return (
    <g data-testid="saved-drawing" aria-label={label}>
      {annotation.shapes.map((shape) => (
        <ShapeView key={shape.id} shape={shape} picture={picture} />
      ))}
    </g>
  );
}
