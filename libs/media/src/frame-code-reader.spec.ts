import { decodeFrameCode, FRAME_CODE_BITS, frameCodeCell, rgbaToGray } from './frame-code-reader';

/** Paints a frame code the way the geq filter does, on a mid-grey picture. */
function paint(index: number, width: number, height: number, black = 16, white = 235): Uint8Array {
  const gray = new Uint8Array(width * height).fill(128);
  for (let bit = 0; bit < FRAME_CODE_BITS; bit += 1) {
    const cell = frameCodeCell(bit, width, height);
    for (let y = Math.ceil(cell.y0); y < cell.y1; y += 1) {
      for (let x = Math.ceil(cell.x0); x < cell.x1; x += 1) {
        gray[y * width + x] = (index >> bit) & 1 ? white : black;
      }
    }
  }
  return gray;
}

describe('decodeFrameCode', () => {
  it('reads back every 16-bit index it is shown', () => {
    for (const index of [0, 1, 2, 3, 47, 255, 256, 1000, 4095, 21600, 65535]) {
      expect(decodeFrameCode(paint(index, 128, 72), 128, 72)).toBe(index);
    }
  });

  it('reads at any picture size, since the layout is relative', () => {
    for (const [width, height] of [
      [640, 360],
      [320, 180],
      [96, 54],
      [1080, 1920],
    ]) {
      expect(decodeFrameCode(paint(0b1010_0101_1100_0011, width, height), width, height)).toBe(
        0b1010_0101_1100_0011,
      );
    }
  });

  it('tolerates compression noise and full-range levels', () => {
    const noisy = paint(12345, 128, 72, 40, 200).map((value, i) => value + ((i * 7919) % 21) - 10);
    expect(decodeFrameCode(noisy, 128, 72)).toBe(12345);
    expect(decodeFrameCode(paint(777, 128, 72, 0, 255), 128, 72)).toBe(777);
  });

  it('says null rather than guessing when a block is grey (blended frames, no code at all)', () => {
    expect(decodeFrameCode(new Uint8Array(128 * 72).fill(128), 128, 72)).toBeNull();
    const two = paint(2, 128, 72);
    const blended = paint(1, 128, 72).map((value, i) => Math.round((value + two[i]) / 2));
    expect(decodeFrameCode(blended, 128, 72)).toBeNull();
  });

  it('honours a row stride larger than the width', () => {
    const width = 100;
    const stride = 112;
    const tight = paint(4242, width, 60);
    const padded = new Uint8Array(stride * 60);
    for (let y = 0; y < 60; y += 1) padded.set(tight.subarray(y * width, (y + 1) * width), y * stride);
    expect(decodeFrameCode(padded, width, 60, stride)).toBe(4242);
  });

  it('converts canvas RGBA to luma', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255]);
    expect(Array.from(rgbaToGray(rgba, 3, 1))).toEqual([255, 0, 128]);
  });
});
