import { rowOffsets, visibleRows } from './visible-rows';

const hundredRows = rowOffsets(Array.from({ length: 100 }, () => 100));

describe('the rows of a long notes list that are drawn', () => {
  it('offsets are where each row starts, and the end of the last', () => {
    expect(rowOffsets([10, 20, 30])).toEqual([0, 10, 30, 60]);
  });

  it('at the top: the rows on screen and the overscan below, nothing above', () => {
    expect(visibleRows(hundredRows, 0, 800, 200)).toEqual({
      first: 0,
      end: 10,
      spaceBefore: 0,
      spaceAfter: 9000,
    });
  });

  it('in the middle: the blank space above and below adds up with the rows drawn to the whole list', () => {
    const window = visibleRows(hundredRows, 5050, 5850, 200);
    expect(window).toEqual({ first: 48, end: 61, spaceBefore: 4800, spaceAfter: 3900 });
    expect(window.spaceBefore + (window.end - window.first) * 100 + window.spaceAfter).toBe(10000);
  });

  it('at the end: the last row is drawn', () => {
    const window = visibleRows(hundredRows, 9500, 10300, 0);
    expect(window.end).toBe(100);
    expect(window.spaceAfter).toBe(0);
  });

  it('rows of different heights', () => {
    const offsets = rowOffsets([50, 300, 50, 50, 50]);
    expect(visibleRows(offsets, 60, 120, 0)).toMatchObject({ first: 1, end: 2 });
    expect(visibleRows(offsets, 340, 400, 0)).toMatchObject({ first: 1, end: 3 });
  });

  it('a list scrolled far out of sight still draws one row', () => {
    expect(visibleRows(hundredRows, 50000, 50800, 0)).toMatchObject({ first: 99, end: 100 });
    expect(visibleRows(hundredRows, -5000, -4000, 0)).toMatchObject({ first: 0, end: 1 });
  });

  it('an empty list draws nothing', () => {
    expect(visibleRows([0], 0, 800, 200)).toEqual({ first: 0, end: 0, spaceBefore: 0, spaceAfter: 0 });
  });
});
