import type { CompareAlignment, FrameRun } from '@cutroom/contracts';

/** How the right picture follows the left: by the frame map, or by frame number plus an offset. */
export type Alignment = CompareAlignment;

/**
 * The frame of b showing a's `frame`, by the frame map's runs (in a's order, not overlapping), or
 * null when b cut that picture.
 */
export function mapFrameByRuns(runs: readonly FrameRun[], frame: number): number | null {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle];
    if (frame < run.aStart) high = middle - 1;
    else if (frame >= run.aStart + run.length) low = middle + 1;
    else return run.bStart + frame - run.aStart;
  }
  return null;
}

/** b's frame for a's `frame` under `alignment`; null when b has no such frame. */
export function targetFrame(
  alignment: Alignment,
  runs: readonly FrameRun[] | null,
  frame: number,
  bFrameCount: number,
): number | null {
  if (alignment.kind === 'offset') {
    const target = frame + alignment.offset;
    return target >= 0 && target < bFrameCount ? target : null;
  }
  return runs ? mapFrameByRuns(runs, frame) : null;
}

/**
 * A stretch of the changes strip, on a's timeline: `removed` frames of a that b cut; `inserted`
 * frames b added, shown at the a frame they come before; `changed` frames of a that b replaced
 * with other pictures (a cut with an insert in its place); `moved` frames b shows elsewhere.
 */
export interface Change {
  kind: 'removed' | 'inserted' | 'changed' | 'moved';
  /** First a frame of the stretch (for an insert: the a frame it comes before). */
  from: number;
  /** Frames of a it covers (0 for an insert). */
  length: number;
  /** Frames of b it stands for (an insert's added frames; otherwise `length`). */
  bFrames: number;
}

/** What changed from a to b, in a's order, from the frame map's runs. */
export function changesFromRuns(
  runs: readonly FrameRun[],
  aFrameCount: number,
  bFrameCount: number,
): Change[] {
  const changes: Change[] = [];
  // Removed: a's frames in no run.
  let next = 0;
  for (const run of runs) {
    if (run.aStart > next) changes.push(stretch('removed', next, run.aStart - next));
    next = Math.max(next, run.aStart + run.length);
  }
  if (aFrameCount > next) changes.push(stretch('removed', next, aFrameCount - next));

  // Moved: runs that break b's order (a shot b shows earlier or later than a did). The longest
  // increasing chain of bStart stays put; the rest moved.
  const kept = longestIncreasing(runs.map((run) => run.bStart));
  runs.forEach((run, index) => {
    if (!kept.has(index)) changes.push(stretch('moved', run.aStart, run.length));
  });

  // Inserted: b's frames in no run, placed before the a frame whose picture follows them in b.
  const byB = [...runs].sort((x, y) => x.bStart - y.bStart);
  let bNext = 0;
  for (const run of byB) {
    if (run.bStart > bNext) changes.push(inserted(run.aStart, run.bStart - bNext));
    bNext = Math.max(bNext, run.bStart + run.length);
  }
  if (bFrameCount > bNext) {
    const last = byB.at(-1);
    changes.push(inserted(last ? Math.min(aFrameCount, last.aStart + last.length) : 0, bFrameCount - bNext));
  }
  return replacements(changes.sort((x, y) => x.from - y.from || kindOrder(x) - kindOrder(y)));
}

/** A cut stretch with an insert right where it ends is one stretch b replaced: `changed`. */
function replacements(changes: Change[]): Change[] {
  const merged: Change[] = [];
  for (const change of changes) {
    const before = merged.at(-1);
    if (
      change.kind === 'inserted' &&
      before?.kind === 'removed' &&
      before.from + before.length === change.from
    ) {
      merged[merged.length - 1] = {
        kind: 'changed',
        from: before.from,
        length: before.length,
        bFrames: change.bFrames,
      };
    } else merged.push(change);
  }
  return merged;
}

/** The first change starting after `frame` (or before it, going back); null when there is none. */
export function nextChange(changes: readonly Change[], frame: number, direction: 1 | -1 = 1): Change | null {
  if (direction > 0) return changes.find((change) => change.from > frame) ?? null;
  return changes.findLast((change) => change.from < frame) ?? null;
}

function stretch(kind: 'removed' | 'moved', from: number, length: number): Change {
  return { kind, from, length, bFrames: length };
}

function inserted(from: number, bFrames: number): Change {
  return { kind: 'inserted', from, length: 0, bFrames };
}

function kindOrder(change: Change): number {
  return change.kind === 'inserted' ? 0 : change.kind === 'removed' ? 1 : 2;
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let index = 0; index < values.length; index += 1) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < values[index]) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  }
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]) kept.add(index);
  return kept;
}

/** a's frame showing b's `frame` under `alignment` (the way back); null when a has no such picture. */
export function sourceFrame(
  alignment: Alignment,
  runs: readonly FrameRun[] | null,
  frame: number,
  aFrameCount: number,
): number | null {
  if (alignment.kind === 'offset') {
    const source = frame - alignment.offset;
    return source >= 0 && source < aFrameCount ? source : null;
  }
  const run = runs?.find((r) => frame >= r.bStart && frame < r.bStart + r.length);
  return run ? run.aStart + frame - run.bStart : null;
}

/**
 * For a frame b added (no picture of a shows there): a's frame showing the last picture b shows
 * before it, by the frame map's runs; null when b shows none of a's pictures before it.
 */
export function frameBefore(runs: readonly FrameRun[] | null, bFrame: number): number | null {
  let found: { bEnd: number; aFrame: number } | null = null;
  for (const run of runs ?? []) {
    const bEnd = Math.min(run.bStart + run.length, bFrame + 1);
    if (bEnd <= run.bStart || (found && bEnd <= found.bEnd)) continue;
    found = { bEnd, aFrame: run.aStart + bEnd - 1 - run.bStart };
  }
  return found?.aFrame ?? null;
}
