import { SPLIT_SHARE_MS, shareSplitNow, splitAt } from './wipe-split';

describe('the wipe split', () => {
  it('is where the pointer is, as a share of the stage, held inside it', () => {
    expect(splitAt(150, 100, 200)).toBe(0.25);
    expect(splitAt(100, 100, 200)).toBe(0);
    expect(splitAt(300, 100, 200)).toBe(1);
    expect(splitAt(40, 100, 200)).toBe(0);
    expect(splitAt(900, 100, 200)).toBe(1);
    // A stage with no width yet divides nothing by zero.
    expect(Number.isFinite(splitAt(120, 100, 0))).toBe(true);
  });

  it('goes out to a live session ten times a second while dragged, and always where the drag ends', () => {
    expect(shareSplitNow(null, 5_000, false)).toBe(true);
    expect(shareSplitNow(5_000, 5_000 + SPLIT_SHARE_MS - 1, false)).toBe(false);
    expect(shareSplitNow(5_000, 5_000 + SPLIT_SHARE_MS, false)).toBe(true);
    expect(shareSplitNow(5_000, 5_001, true)).toBe(true);
  });
});
