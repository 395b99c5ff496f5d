import type { Annotation } from '@cutroom/contracts';
import { rasterizeDrawing } from './drawing-raster';

const alphaAt = (r: ReturnType<typeof rasterizeDrawing>, x: number, y: number) =>
  r.rgba[(y * r.width + x) * 4 + 3];
const rgbAt = (r: ReturnType<typeof rasterizeDrawing>, x: number, y: number) =>
  Array.from(r.rgba.slice((y * r.width + x) * 4, (y * r.width + x) * 4 + 3));

describe('drawings rendered to pixels', () => {
  it('a rectangle outlines its normalised corners at the picture size, inside stays clear', () => {
    const drawing: Annotation = {
      version: 1,
      shapes: [
        {
          id: 'r',
          kind: 'rectangle',
          colour: '#ff3b30',
          strokeWidth: 0.02,
          from: [0.25, 0.25],
          to: [0.75, 0.75],
        },
      ],
    };
    const raster = rasterizeDrawing(drawing, 200, 100);
    expect(alphaAt(raster, 50, 50)).toBe(255); // left edge at x = 0.25 · 200
    expect(rgbAt(raster, 50, 50)).toEqual([0xff, 0x3b, 0x30]);
    expect(alphaAt(raster, 100, 25)).toBe(255); // top edge at y = 0.25 · 100
    expect(alphaAt(raster, 100, 50)).toBe(0); // the middle
    expect(alphaAt(raster, 10, 10)).toBe(0);
  });

  it('freehand strokes, ellipses and arrows cover their paths; text is placed for typesetting', () => {
    const drawing: Annotation = {
      version: 1,
      shapes: [
        {
          id: 'f',
          kind: 'freehand',
          colour: '#00ff00',
          strokeWidth: 0.01,
          points: [0.1, 0.9, 0.5, 0.9, 0.9, 0.9],
        },
        { id: 'e', kind: 'ellipse', colour: '#0000ff', strokeWidth: 0.01, from: [0.4, 0.2], to: [0.6, 0.6] },
        { id: 'a', kind: 'arrow', colour: '#ffffff', strokeWidth: 0.03, from: [0.05, 0.05], to: [0.2, 0.05] },
        {
          id: 't',
          kind: 'text',
          colour: '#ffff00',
          strokeWidth: 0.01,
          at: [0.5, 0.5],
          text: 'Too dark',
          size: 0.1,
        },
      ],
    };
    const raster = rasterizeDrawing(drawing, 100, 100);
    expect(rgbAt(raster, 70, 90)).toEqual([0, 255, 0]);
    expect(rgbAt(raster, 60, 40)).toEqual([0, 0, 255]); // the ellipse's right-most point
    expect(alphaAt(raster, 50, 40)).toBe(0); // its centre
    expect(alphaAt(raster, 12, 5)).toBe(255);
    expect(raster.texts).toEqual([{ text: 'Too dark', x: 50, y: 50, size: 10, colour: '#ffff00' }]);
  });
});
