import { loopRange, markIn, markOut, NO_MARKS } from './loop-range';

describe('looping between in and out marks', () => {
  it('makes a range from both marks', () => {
    expect(loopRange(markOut(markIn(NO_MARKS, 10), 20), 99)).toEqual({ from: 10, to: 20 });
  });

  it('runs to the clip edge from a single mark', () => {
    expect(loopRange(markIn(NO_MARKS, 10), 99)).toEqual({ from: 10, to: 99 });
    expect(loopRange(markOut(NO_MARKS, 30), 99)).toEqual({ from: 0, to: 30 });
    expect(loopRange(NO_MARKS, 99)).toBeNull();
  });

  it('starts over when a mark lands on the wrong side of the other', () => {
    expect(markIn(markOut(NO_MARKS, 20), 25)).toEqual({ inFrame: 25, outFrame: null });
    expect(markOut(markIn(NO_MARKS, 20), 5)).toEqual({ inFrame: null, outFrame: 5 });
  });
});
