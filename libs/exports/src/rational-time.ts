function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * FCPXML time for a whole number of frames: seconds as a reduced fraction, "1001/30000s", "3s",
 * "0s". Exact: `frames · fpsDen / fpsNum`, never a rounded decimal.
 */
export function framesToRationalTime(frames: number, fpsNum: number, fpsDen: number): string {
  if (!Number.isSafeInteger(frames) || frames < 0) throw new RangeError(`${frames} is not a frame count`);
  const numerator = frames * fpsDen;
  if (numerator === 0) return '0s';
  const divisor = gcd(numerator, fpsNum);
  const num = numerator / divisor;
  const den = fpsNum / divisor;
  return den === 1 ? `${num}s` : `${num}/${den}s`;
}
