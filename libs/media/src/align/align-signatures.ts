import { SIGNATURE_BYTES } from '../frame-signatures';
import { frameDistance, frameKeys } from './frame-distance';

/** A stretch of frames showing the same pictures in both versions: a[aStart + k] is b[bStart + k]. */
export interface FrameRun {
  aStart: number;
  bStart: number;
  length: number;
}

/** A re-encode moves an 8×8 area average by a level or two: distances below this are the same picture. */
const NOISE_FLOOR = 2 * SIGNATURE_BYTES;
/** Beyond an average of 12 levels a pixel, two thumbnails are different pictures. */
const MAX_DISTANCE = 12 * SIGNATURE_BYTES;
/** A seed is checked over this many frames each side. */
const WINDOW = 2;
/** Candidates looked at per key: flat or still pictures share keys with whole shots. */
const MAX_CANDIDATES = 6;

/** Frames of b by key, in increasing order. */
function indexFrames(b: Uint8Array, frames: number): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (let j = 0; j < frames; j += 1) {
    for (const key of frameKeys(b, j)) {
      const list = index.get(key);
      if (list) list.push(j);
      else index.set(key, [j]);
    }
  }
  return index;
}

/** The `count` entries of a sorted list nearest to `near`. */
function nearest(list: number[], near: number, count: number): number[] {
  if (list.length <= count) return list;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < near) low = mid + 1;
    else high = mid;
  }
  const start = Math.max(0, Math.min(list.length - count, low - (count >> 1)));
  return list.slice(start, start + count);
}

class Aligner {
  private readonly na: number;
  private readonly nb: number;
  /** 1 where a frame of a (b) already belongs to a run. */
  private readonly aMapped: Uint8Array;
  private readonly bMapped: Uint8Array;
  private readonly index: Map<number, number[]>;
  /** Distances of the frames matched so far: how far this pair's re-encode moves a thumbnail. */
  private matchedDistance = 0;
  private matchedFrames = 0;

  constructor(
    private readonly a: Uint8Array,
    private readonly b: Uint8Array,
  ) {
    this.na = Math.floor(a.length / SIGNATURE_BYTES);
    this.nb = Math.floor(b.length / SIGNATURE_BYTES);
    this.aMapped = new Uint8Array(this.na);
    this.bMapped = new Uint8Array(this.nb);
    this.index = indexFrames(b, this.nb);
  }

  runs(): FrameRun[] {
    const runs: FrameRun[] = [];
    let offset = 0;
    for (let i = 0; i < this.na; i += 1) {
      if (this.aMapped[i]) continue;
      const j = this.seed(i, i + offset);
      if (j < 0) continue;
      const run = this.extend(i, j);
      runs.push(run);
      offset = run.bStart - run.aStart;
    }
    return mergeTouching(runs.sort((x, y) => x.aStart - y.aStart));
  }

  private free(i: number, j: number): boolean {
    return i >= 0 && j >= 0 && i < this.na && j < this.nb && !this.aMapped[i] && !this.bMapped[j];
  }

  /** Mean distance over the frames around (i, j) on the diagonal that are still free. */
  private windowCost(i: number, j: number): number {
    let sum = 0;
    let count = 0;
    for (let t = -WINDOW; t <= WINDOW; t += 1) {
      if (!this.free(i + t, j + t)) continue;
      sum += frameDistance(this.a, i + t, this.b, j + t);
      count += 1;
    }
    return count >= WINDOW + 1 ? sum / count : Infinity;
  }

  /** The frame of b that frame i of a shows, or -1. */
  private seed(i: number, predicted: number): number {
    let best = -1;
    let bestCost = Infinity;
    for (const key of frameKeys(this.a, i)) {
      const list = this.index.get(key);
      if (!list) continue;
      for (const j of nearest(list, predicted, MAX_CANDIDATES)) {
        if (this.bMapped[j] || frameDistance(this.a, i, this.b, j) > MAX_DISTANCE) continue;
        const cost = this.windowCost(i, j);
        if (cost < bestCost) {
          best = j;
          bestCost = cost;
        }
      }
    }
    if (best < 0) return -1;
    // In slow motion the key may have found a neighbour: settle on the locally best diagonal.
    for (;;) {
      const before = best > 0 && this.free(i, best - 1) ? this.windowCost(i, best - 1) : Infinity;
      const after = this.free(i, best + 1) ? this.windowCost(i, best + 1) : Infinity;
      if (before < bestCost && before <= after) {
        best -= 1;
        bestCost = before;
      } else if (after < bestCost) {
        best += 1;
        bestCost = after;
      } else break;
    }
    if (bestCost > this.seedLimit()) return -1;
    // A cut frame beside a kept one finds the kept one's picture: it is not a seed if a neighbour
    // of i shows b's frame better.
    const distance = frameDistance(this.a, i, this.b, best);
    for (const other of [i - 1, i + 1]) {
      if (this.free(other, best) && frameDistance(this.a, other, this.b, best) < distance) return -1;
    }
    return best;
  }

  /**
   * How close a seed must be: a few times the noise of the frames matched so far. A frame that
   * was cut sits between two kept neighbours and is as far from them as the picture moves.
   */
  private seedLimit(): number {
    if (this.matchedFrames < 25) return 2 * NOISE_FLOOR;
    const noise = this.matchedDistance / this.matchedFrames;
    return Math.min(MAX_DISTANCE / 2, Math.max(NOISE_FLOOR, 2.5 * noise));
  }

  /** Grows a run from the seed both ways while the frames stay the same pictures on this diagonal. */
  private extend(i: number, j: number): FrameRun {
    this.aMapped[i] = 1;
    this.bMapped[j] = 1;
    const seedDistance = frameDistance(this.a, i, this.b, j);
    const forward = this.grow(i, j, 1, seedDistance);
    const backward = this.grow(i, j, -1, seedDistance);
    return { aStart: i - backward, bStart: j - backward, length: backward + 1 + forward };
  }

  /** Frames added in direction `step` (+1 or -1) from (i, j). */
  private grow(i: number, j: number, step: 1 | -1, seedDistance: number): number {
    let noise = Math.max(seedDistance, NOISE_FLOOR / 2);
    let added = 0;
    for (;;) {
      const ii = i + step * (added + 1);
      const jj = j + step * (added + 1);
      if (!this.free(ii, jj)) return added;
      const distance = frameDistance(this.a, ii, this.b, jj);
      if (distance > Math.min(MAX_DISTANCE, Math.max(NOISE_FLOOR, 3 * noise))) return added;
      if (this.shifted(ii, jj, step, distance)) return added;
      this.aMapped[ii] = 1;
      this.bMapped[jj] = 1;
      noise = noise * 0.9 + distance * 0.1;
      this.matchedDistance += distance;
      this.matchedFrames += 1;
      added += 1;
    }
  }

  /** Whether a frame was cut or added here: the diagonal one frame over matches clearly better. */
  private shifted(i: number, j: number, step: 1 | -1, distance: number): boolean {
    const other = Math.min(
      this.free(i, j + step) ? frameDistance(this.a, i, this.b, j + step) : Infinity,
      this.free(i + step, j) ? frameDistance(this.a, i + step, this.b, j) : Infinity,
    );
    return other * 2 < distance && distance - other > NOISE_FLOOR / 2;
  }
}

/** Runs that continue one another on the same diagonal become one. */
function mergeTouching(runs: FrameRun[]): FrameRun[] {
  const merged: FrameRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.aStart + last.length === run.aStart && last.bStart + last.length === run.bStart)
      last.length += run.length;
    else merged.push({ ...run });
  }
  return merged;
}

/**
 * The frame map from version a to version b, from their frame signatures (frame-signatures.ts):
 * runs of frames that show the same pictures in both, in a's order. A frame of a in no run was cut;
 * a frame of b in no run was added. Shots may move: runs need not be in b's order.
 *
 * Seeds come from a hash index of b (about linear time); each seed grows along its diagonal while
 * the pictures stay within a re-encode's noise and no neighbouring diagonal fits clearly better, so
 * runs end exactly where frames were cut or inserted, even inside a moving shot.
 */
export function alignSignatures(a: Uint8Array, b: Uint8Array): FrameRun[] {
  return new Aligner(a, b).runs();
}

/** Where frame `frame` of a is in b according to `runs`, or null when it was cut. */
export function mapFrame(runs: readonly FrameRun[], frame: number): number | null {
  for (const run of runs) {
    if (frame >= run.aStart && frame < run.aStart + run.length) return run.bStart + frame - run.aStart;
  }
  return null;
}
