import { SIGNATURE_BYTES } from '../frame-signatures';

/** Sum of absolute differences between frame `i` of `a` and frame `j` of `b` (0 = same thumbnail). */
export function frameDistance(a: Uint8Array, i: number, b: Uint8Array, j: number): number {
  let sum = 0;
  const ai = i * SIGNATURE_BYTES;
  const bj = j * SIGNATURE_BYTES;
  for (let k = 0; k < SIGNATURE_BYTES; k += 1) {
    const diff = a[ai + k] - b[bj + k];
    sum += diff < 0 ? -diff : diff;
  }
  return sum;
}

/**
 * Four 16-bit keys of a frame: bit k says whether thumbnail pixel k is brighter than the frame's
 * mean (an average hash), cut into four bands. A re-encoded frame flips a few bits near the mean;
 * with three flips or fewer at least one band is unchanged, so looking up all four finds it.
 */
export function frameKeys(signatures: Uint8Array, frame: number): [number, number, number, number] {
  const start = frame * SIGNATURE_BYTES;
  let total = 0;
  for (let k = 0; k < SIGNATURE_BYTES; k += 1) total += signatures[start + k];
  const mean = total / SIGNATURE_BYTES;
  const keys: [number, number, number, number] = [0, 0, 0, 0];
  for (let k = 0; k < SIGNATURE_BYTES; k += 1) {
    if (signatures[start + k] > mean) keys[k >> 4] |= 1 << (k & 15);
  }
  // The band number goes in the key: one map holds all four.
  return [keys[0], keys[1] + 0x10000, keys[2] + 0x20000, keys[3] + 0x30000];
}
