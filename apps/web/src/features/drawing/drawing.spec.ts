import { MAX_SHAPES, type Shape } from '@cutroom/contracts';
import {
  addShape,
  annotationOf,
  clearShapes,
  EMPTY_DRAWING,
  isFresh,
  isFull,
  loadedDrawing,
  redo,
  startsNewDrawing,
  undo,
} from './drawing-history';
import { arrowHead, dragShape, isEmptyShape, toUnit } from './shape-geometry';

const style = { colour: '#ff3b30', strokeWidth: 0.004 };
const box = (id: string): Shape => dragShape('rectangle', id, style, [0.1, 0.1], [0.5, 0.5]);

describe('a drawing being made', () => {
  it('undoes and redoes shapes, and a new shape drops what was undone', () => {
    let drawing = addShape(addShape(EMPTY_DRAWING, box('a')), box('b'));
    drawing = undo(drawing);
    expect(drawing.shapes.map((s) => s.id)).toEqual(['a']);
    drawing = redo(drawing);
    expect(drawing.shapes.map((s) => s.id)).toEqual(['a', 'b']);
    drawing = addShape(undo(drawing), box('c'));
    expect(redo(drawing).shapes.map((s) => s.id)).toEqual(['a', 'c']);
  });

  it('clears, and the clearing can be undone', () => {
    const drawing = clearShapes(addShape(EMPTY_DRAWING, box('a')));
    expect(drawing.shapes).toEqual([]);
    expect(undo(drawing).shapes.map((s) => s.id)).toEqual(['a']);
    expect(undo(EMPTY_DRAWING)).toBe(EMPTY_DRAWING);
  });

  it('takes no more shapes than one note may carry', () => {
    let drawing = EMPTY_DRAWING;
    for (let i = 0; i < MAX_SHAPES + 5; i += 1) drawing = addShape(drawing, box(`s${i}`));
    expect(drawing.shapes).toHaveLength(MAX_SHAPES);
    expect(isFull(drawing)).toBe(true);
    expect(isFull(undo(drawing))).toBe(false);
  });

  it('starts a new drawing on another frame once the last one was cleared, so undo keeps shapes on their frame', () => {
    expect(startsNewDrawing(0, 12, 40)).toBe(true);
    expect(startsNewDrawing(0, 12, 12)).toBe(false);
    expect(startsNewDrawing(0, null, 40)).toBe(false);
    expect(startsNewDrawing(3, 12, 12)).toBe(false);
  });

  it('is fresh only before anything is drawn: a cleared or undone drawing is a change to tell', () => {
    expect(isFresh(EMPTY_DRAWING)).toBe(true);
    const drawn = addShape(EMPTY_DRAWING, box('a'));
    expect(isFresh(drawn)).toBe(false);
    expect(isFresh(clearShapes(drawn))).toBe(false);
    expect(isFresh(undo(drawn))).toBe(false);
  });

  it('loads a posted note’s shapes to change them: clear takes them away, undo brings them back and stops there', () => {
    const loaded = loadedDrawing([box('a'), box('b')]);
    expect(isFresh(loaded)).toBe(false);
    expect(undo(loaded)).toBe(loaded);
    const cleared = clearShapes(loaded);
    expect(cleared.shapes).toEqual([]);
    expect(undo(cleared).shapes.map((s) => s.id)).toEqual(['a', 'b']);
    expect(addShape(cleared, box('c')).shapes.map((s) => s.id)).toEqual(['c']);
  });

  it('saves the shapes as the note’s drawing, or no drawing once everything is cleared', () => {
    expect(annotationOf([box('a')])).toEqual({ version: 1, shapes: [box('a')] });
    expect(annotationOf(clearShapes(loadedDrawing([box('a')])).shapes)).toBeNull();
  });
});

describe('shape geometry', () => {
  it('normalises pointer positions to the picture and keeps them inside it', () => {
    expect(toUnit(320, 90, { width: 640, height: 360 })).toEqual([0.5, 0.25]);
    expect(toUnit(-5, 400, { width: 640, height: 360 })).toEqual([0, 1]);
  });

  it('points the arrow head back along the shaft', () => {
    const [left, right] = arrowHead([0, 0], [100, 0], 2);
    expect(left[0]).toBeLessThan(100);
    expect(right[0]).toBeLessThan(100);
    expect(left[1]).toBeCloseTo(-right[1]);
  });

  it('drops a click that drew nothing', () => {
    expect(isEmptyShape(dragShape('line', 'x', style, [0.2, 0.2], [0.2, 0.2]))).toBe(true);
    expect(isEmptyShape(box('a'))).toBe(false);
  });
});
