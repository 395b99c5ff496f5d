/** Where each row starts, top to bottom, and where the last one ends: `heights.length + 1` offsets. */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = [0];
  for (const height of heights) offsets.push(offsets[offsets.length - 1] + height);
  return offsets;
}

/** The first row whose bottom is below `y` (binary search over the offsets). */
function rowAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle + 1] <= y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The rows to draw — those on screen and `overscanPx` around — and the blank space above and below them. */
export interface RowWindow {
  first: number;
  /** One past the last row drawn. */
  end: number;
  spaceBefore: number;
  spaceAfter: number;
}

/**
 * Which rows of a list are within `overscanPx` of the part `[viewTop, viewBottom)` on screen, both
 * measured from the top of the list: always at least one row, so a list scrolled away keeps a foothold.
 */
export function visibleRows(
  offsets: readonly number[],
  viewTop: number,
  viewBottom: number,
  overscanPx: number,
): RowWindow {
  const count = offsets.length - 1;
  const total = offsets[count];
  if (count === 0) return { first: 0, end: 0, spaceBefore: 0, spaceAfter: 0 };
  const top = Math.min(Math.max(0, viewTop - overscanPx), Math.max(0, total - 1));
  const bottom = Math.max(viewBottom + overscanPx, top + 1);
  const first = rowAt(offsets, top);
  const end = Math.max(first + 1, Math.min(count, rowAt(offsets, bottom - 1) + 1));
  return { first, end, spaceBefore: offsets[first], spaceAfter: total - offsets[end] };
}
