/**
 * Reading a frame code: the frame index drawn as 16 black/white blocks (bit i of
 * the index, least significant first, row by row) in a 4×4 grid that covers the
 * picture minus a 10% margin on each side. No Node imports: the browser tests
 * read canvas pixels with the same code.
 */

export const FRAME_CODE_LAYOUT = { columns: 4, rows: 4, margin: 0.1 } as const;
export const FRAME_CODE_BITS = FRAME_CODE_LAYOUT.columns * FRAME_CODE_LAYOUT.rows;
/** Luma of a 0 bit and a 1 bit (video range). */
export const FRAME_CODE_BLACK = 16;
export const FRAME_CODE_WHITE = 235;

export interface Cell {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where bit `bit` sits in a width×height picture (pixel edges, fractional). */
export function frameCodeCell(bit: number, width: number, height: number): Cell {
  const { columns, rows, margin } = FRAME_CODE_LAYOUT;
  const cellWidth = (width * (1 - 2 * margin)) / columns;
  const cellHeight = (height * (1 - 2 * margin)) / rows;
  const column = bit % columns;
  const row = Math.floor(bit / columns);
  const x0 = width * margin + column * cellWidth;
  const y0 = height * margin + row * cellHeight;
  return { x0, y0, x1: x0 + cellWidth, y1: y0 + cellHeight };
}

/**
 * The frame index in a grayscale picture (one byte per pixel, `stride` bytes per row),
 * or null when a block is neither clearly black nor clearly white.
 */
export function decodeFrameCode(
  gray: Uint8Array,
  width: number,
  height: number,
  stride = width,
): number | null {
  let index = 0;
  for (let bit = 0; bit < FRAME_CODE_BITS; bit += 1) {
    const cell = frameCodeCell(bit, width, height);
    // Sample the middle half of the block: edges blur when scaled and compressed.
    const insetX = (cell.x1 - cell.x0) / 4;
    const insetY = (cell.y1 - cell.y0) / 4;
    const xStart = Math.ceil(cell.x0 + insetX);
    const xEnd = Math.max(xStart + 1, Math.floor(cell.x1 - insetX));
    const yStart = Math.ceil(cell.y0 + insetY);
    const yEnd = Math.max(yStart + 1, Math.floor(cell.y1 - insetY));
    let sum = 0;
    let count = 0;
    for (let y = yStart; y < yEnd && y < height; y += 1) {
      for (let x = xStart; x < xEnd && x < width; x += 1) {
        sum += gray[y * stride + x];
        count += 1;
      }
    }
    if (count === 0) return null;
    const mean = sum / count;
    if (mean > 160) index |= 1 << bit;
    else if (mean >= 96) return null;
  }
  return index;
}

/** Luma (BT.601 weights) of RGBA canvas pixels, for decodeFrameCode. */
export function rgbaToGray(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const gray = new Uint8Array(width * height);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    const offset = pixel * 4;
    gray[pixel] = Math.round(0.299 * rgba[offset] + 0.587 * rgba[offset + 1] + 0.114 * rgba[offset + 2]);
  }
  return gray;
}
