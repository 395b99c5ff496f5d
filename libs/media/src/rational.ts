/** An exact ratio of integers, e.g. a frame rate of 24000/1001. */
export interface Rational {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export function reduceRational(num: number, den: number): Rational {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den === 0) {
    throw new RangeError(`Not a rational: ${num}/${den}`);
  }
  const divisor = gcd(num, den) || 1;
  const sign = den < 0 ? -1 : 1;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/** Parses ffprobe's "24000/1001", "25" or "16:9"; null for "0/0", "N/A" and junk. */
export function parseRational(text: string | undefined | null): Rational | null {
  if (!text) return null;
  const match = /^\s*(-?\d+)\s*(?:[/:]\s*(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const num = Number(match[1]);
  const den = match[2] === undefined ? 1 : Number(match[2]);
  if (num === 0 || den === 0) return null;
  return reduceRational(num, den);
}

export function rationalToNumber(value: Rational): number {
  return value.num / value.den;
}

/** Frame rates people shoot and deliver at; an average close to one of them snaps to it. */
export const STANDARD_FRAME_RATES: readonly Rational[] = [
  { num: 24000, den: 1001 },
  { num: 24, den: 1 },
  { num: 25, den: 1 },
  { num: 30000, den: 1001 },
  { num: 30, den: 1 },
  { num: 48000, den: 1001 },
  { num: 48, den: 1 },
  { num: 50, den: 1 },
  { num: 60000, den: 1001 },
  { num: 60, den: 1 },
  { num: 100, den: 1 },
  { num: 120000, den: 1001 },
  { num: 120, den: 1 },
];

/**
 * The nearest standard rate within `tolerance` (relative), else the rate itself
 * expressed in thousandths, so that an average like 1800000/60059 becomes 29.97.
 */
export function snapFrameRate(rate: Rational, tolerance = 0.002): Rational {
  const value = rationalToNumber(rate);
  let best: Rational | null = null;
  let bestError = Infinity;
  for (const candidate of STANDARD_FRAME_RATES) {
    const error = Math.abs(rationalToNumber(candidate) - value) / value;
    if (error < bestError) {
      best = candidate;
      bestError = error;
    }
  }
  if (best && bestError <= tolerance) return best;
  return reduceRational(Math.max(1, Math.round(value * 1000)), 1000);
}
