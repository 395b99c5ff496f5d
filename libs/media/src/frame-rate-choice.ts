import { Rational, rationalToNumber, reduceRational, snapFrameRate, STANDARD_FRAME_RATES } from './rational';

/** When each frame of a picture stream is shown, as the container says (packet timestamps). */
export interface FrameTimes {
  timeBase: Rational;
  /** Presentation timestamps in `timeBase` units, in any order (packets come in decode order). */
  pts: number[];
  /** How long the last frame (in presentation order) lasts, in `timeBase` units, when the container says. */
  lastFrameDuration: number | null;
}

/** The constant rate a picture stream is shown at, and what that does to its frames. */
export interface ConstantRateChoice {
  rate: Rational;
  /** The frames are not evenly spaced: the renditions hold each one until the next, on `rate`'s grid. */
  variable: boolean;
  /** Frames on the constant-rate timeline (what the renditions hold, and what notes count in). */
  frameCount: number;
  /** Frames the source holds. */
  sourceFrames: number;
  /** Source frames that share a slot with a later one and are never shown: closer together than the cap allows, or a stray pair. */
  lostFrames: number;
  /** The source's frames per second on average: frames over the time from the first to the end of the last. */
  sourceAverageFps: number;
}

export interface ConstantRateOptions {
  /** The rate the container declares (ffprobe's r_frame_rate): kept when the frames sit on its grid. */
  declaredRate: Rational | null;
  /** No conformed rate above this; a source with frames closer together loses some. */
  maxRate?: Rational;
}

/** Conformed rates stop here: 120 fps holds every frame of phones, screens and game captures but slow motion. */
export const MAX_CONFORMED_RATE: Rational = { num: 120, den: 1 };
/**
 * A rate "fits" when frames sit on average within this fraction of a frame of its grid; frames
 * placed at random sit 0.25 away. It tells 30 fps with dropped frames from 29.97 or 48.
 */
export const GRID_FIT_FRAMES = 0.15;
/** Evenly spaced frames slower than this (a still every 5 s) are conformed like variable ones: timecode counts whole frames a second. */
const SLOWEST_KEPT_RATE = 1;
/** Rates within this (relative) are one family, told apart by fit alone: 29.97 and 30, 59.94 and 60. */
const SAME_FAMILY = 0.002;

interface Grid {
  rate: Rational;
  /** Source frames that land in the same slot as the next one. */
  lost: number;
  /** Mean distance of a frame from its slot, in frames. */
  misfit: number;
  /**
   * How far the frames slide against the grid from the first half of the clip to the second, in
   * frames: about 0 at the source's own rate, the accumulated difference at a neighbour (29.97 for 30).
   */
  drift: number;
  /** The last frame's slot. */
  lastSlot: number;
}

/**
 * The slot ffmpeg's fps filter (round=near) puts a frame in: its time in frames of `rate`,
 * rounded half up, in integers so that a frame exactly between two slots goes where ffmpeg puts it.
 */
function slotOf(ticks: number, timeBase: Rational, rate: Rational): number {
  const num = ticks * timeBase.num * rate.num;
  const den = timeBase.den * rate.den;
  if (2 * num + den <= Number.MAX_SAFE_INTEGER) return Math.floor((2 * num + den) / (2 * den));
  const big = BigInt(Math.round(ticks)) * BigInt(timeBase.num) * BigInt(rate.num);
  const bigDen = BigInt(den);
  return Number((2n * big + bigDen) / (2n * bigDen));
}

function measureGrid(ticks: readonly number[], timeBase: Rational, rate: Rational): Grid {
  let lost = 0;
  let misfit = 0;
  const half = Math.floor(ticks.length / 2);
  const offsets = [0, 0];
  let previousSlot = -1;
  const perTick = (timeBase.num * rate.num) / (timeBase.den * rate.den);
  ticks.forEach((tick, index) => {
    const slot = slotOf(tick, timeBase, rate);
    if (slot === previousSlot) lost += 1;
    previousSlot = slot;
    const offset = tick * perTick - slot;
    misfit += Math.abs(offset);
    offsets[index < half ? 0 : 1] += offset;
  });
  const drift = half > 0 ? offsets[1] / (ticks.length - half) - offsets[0] / half : 0;
  return { rate, lost, misfit: misfit / ticks.length, drift, lastSlot: previousSlot };
}

/** True when every frame has its own slot and no slot is empty: the frames are the rate's frames, one for one. */
function isOneForOne(ticks: readonly number[], timeBase: Rational, rate: Rational): boolean {
  return ticks.every((tick, index) => slotOf(tick, timeBase, rate) === index);
}

/** Frames on the timeline: up to the last frame's slot, then the last frame held for its own duration. */
function timelineFrames(
  lastSlot: number,
  endTicks: number | null,
  timeBase: Rational,
  rate: Rational,
): number {
  if (endTicks === null) return lastSlot + 1;
  // ffmpeg's fps filter (eof_action=pass) repeats the last frame up to the end of the stream, rounded up.
  const end = Math.ceil((endTicks * timeBase.num * rate.num) / (timeBase.den * rate.den) - 1e-9);
  return Math.max(lastSlot + 1, end);
}

function closerFit(grid: Grid, best: Grid): boolean {
  if (grid.lost !== best.lost) return grid.lost < best.lost;
  const slide = Math.abs(grid.drift) - Math.abs(best.drift);
  if (Math.abs(slide) > 1e-6) return slide < 0;
  return grid.misfit < best.misfit;
}

function sameFamily(a: Rational, b: Rational): boolean {
  const x = rationalToNumber(a);
  const y = rationalToNumber(b);
  return Math.abs(x - y) / y <= SAME_FAMILY;
}

/**
 * The rate of frames spaced evenly (to within a tick of rounding), one frame per slot: the rate
 * the container declares, else the exact spacing, else the average spacing snapped to a standard
 * rate (29.97 in a 1/1000 time base) or whole frames per second (15), else in thousandths.
 * Null when the spacing varies.
 */
function evenlySpacedRate(
  ticks: readonly number[],
  timeBase: Rational,
  declared: Rational | null,
): Rational | null {
  let shortest = Infinity;
  let longest = 0;
  for (let index = 1; index < ticks.length; index += 1) {
    const spacing = ticks[index] - ticks[index - 1];
    shortest = Math.min(shortest, spacing);
    longest = Math.max(longest, spacing);
  }
  if (shortest <= 0 || longest - shortest > 1) return null;
  const span = ticks[ticks.length - 1];
  const candidates: Rational[] = declared ? [declared] : [];
  if (shortest === longest) candidates.push(reduceRational(timeBase.den, timeBase.num * shortest));
  const mean = reduceRational((ticks.length - 1) * timeBase.den, timeBase.num * span);
  const standard = snapFrameRate(mean);
  if (STANDARD_FRAME_RATES.includes(standard)) candidates.push(standard);
  candidates.push({ num: Math.max(1, Math.round(rationalToNumber(mean))), den: 1 }, snapFrameRate(mean, 0));
  return (
    candidates.find(
      (rate) => rationalToNumber(rate) >= SLOWEST_KEPT_RATE && isOneForOne(ticks, timeBase, rate),
    ) ?? null
  );
}

/**
 * Chooses the constant rate a picture stream is shown at. Evenly spaced frames (within a tick of
 * rounding) keep their own rate, one frame for one. Otherwise the lowest standard rate that gives
 * every frame its own slot and fits the frames' grid (the source's nominal rate: 30 for a 30 fps
 * recording with dropped frames, 60 for a screen that idles at 1 fps and bursts at 60), each
 * frame held until the next; above `maxRate` the rate that loses the fewest frames.
 */
export function chooseConstantRate(
  times: FrameTimes,
  options: ConstantRateOptions,
): ConstantRateChoice | null {
  if (times.pts.length === 0) return null;
  const { timeBase } = times;
  const sorted = [...times.pts].sort((a, b) => a - b);
  const ticks = sorted.map((pts) => pts - sorted[0]);
  const sourceFrames = ticks.length;
  const span = ticks[sourceFrames - 1];
  const endTicks =
    times.lastFrameDuration && times.lastFrameDuration > 0 ? span + times.lastFrameDuration : null;
  if (sourceFrames === 1 || span === 0) {
    const rate = options.declaredRate ?? { num: 25, den: 1 };
    return {
      rate,
      variable: false,
      frameCount: 1,
      sourceFrames,
      lostFrames: sourceFrames - 1,
      sourceAverageFps: rationalToNumber(rate),
    };
  }
  // Without the last frame's duration, it lasts as long as an average frame.
  const averageEnd = endTicks ?? span + span / (sourceFrames - 1);
  const sourceAverageFps = (sourceFrames * timeBase.den) / (timeBase.num * averageEnd);

  const evenRate = evenlySpacedRate(ticks, timeBase, options.declaredRate);
  if (evenRate) {
    return {
      rate: evenRate,
      variable: false,
      frameCount: timelineFrames(sourceFrames - 1, endTicks, timeBase, evenRate),
      sourceFrames,
      lostFrames: 0,
      sourceAverageFps,
    };
  }

  const maxRate = rationalToNumber(options.maxRate ?? MAX_CONFORMED_RATE);
  const grids = STANDARD_FRAME_RATES.filter((rate) => rationalToNumber(rate) <= maxRate + 1e-9).map((rate) =>
    measureGrid(ticks, timeBase, rate),
  );
  if (grids.length === 0) grids.push(measureGrid(ticks, timeBase, options.maxRate ?? MAX_CONFORMED_RATE));
  const fewestLost = Math.min(...grids.map((grid) => grid.lost));
  // A stray pair of frames a millisecond apart is lost at any rate; it must not push a long clip to 120.
  const tolerated = fewestLost + Math.floor(sourceFrames / 1000);
  const keeping = grids.filter((grid) => grid.lost <= tolerated);
  const lowest = keeping.find((grid) => grid.misfit <= GRID_FIT_FRAMES) ?? keeping[0];
  // 29.97 and 30 both fit a short clip: the one the frames do not slide against is theirs.
  const chosen = keeping
    .filter((grid) => sameFamily(grid.rate, lowest.rate))
    .reduce((best, grid) => (closerFit(grid, best) ? grid : best), lowest);
  return {
    rate: chosen.rate,
    variable: true,
    frameCount: timelineFrames(chosen.lastSlot, endTicks, timeBase, chosen.rate),
    sourceFrames,
    lostFrames: chosen.lost,
    sourceAverageFps,
  };
}
