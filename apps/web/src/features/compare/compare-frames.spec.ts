import type { FrameRun } from '@cutroom/contracts';
import {
  changesFromRuns,
  frameBefore,
  mapFrameByRuns,
  nextChange,
  sourceFrame,
  targetFrame,
} from './compare-frames';

// v1: 210 frames. v2 cut frames 40–49 and 100, and inserted 30 new frames before v1's frame 80.
const runs: FrameRun[] = [
  { aStart: 0, bStart: 0, length: 40 },
  { aStart: 50, bStart: 40, length: 30 },
  { aStart: 80, bStart: 100, length: 20 },
  { aStart: 101, bStart: 120, length: 109 },
];

describe('mapping a frame of A to B', () => {
  it('follows the runs: same number before the first edit, shifted after each', () => {
    expect(mapFrameByRuns(runs, 0)).toBe(0);
    expect(mapFrameByRuns(runs, 39)).toBe(39);
    expect(mapFrameByRuns(runs, 50)).toBe(40);
    expect(mapFrameByRuns(runs, 80)).toBe(100);
    expect(mapFrameByRuns(runs, 209)).toBe(228);
  });

  it('has no frame in B for a cut picture, nor past A’s end', () => {
    for (const cut of [40, 45, 49, 100, 209 + 1]) expect(mapFrameByRuns(runs, cut)).toBeNull();
  });

  it('by frame number, shifts by the offset and stops at B’s ends', () => {
    const offset = (by: number) => ({ kind: 'offset' as const, offset: by });
    expect(targetFrame(offset(0), runs, 45, 229)).toBe(45);
    expect(targetFrame(offset(20), runs, 45, 229)).toBe(65);
    expect(targetFrame(offset(-5), runs, 3, 229)).toBeNull();
    expect(targetFrame(offset(20), runs, 209, 229)).toBeNull();
    expect(targetFrame(offset(19), runs, 209, 229)).toBe(228);
  });

  it('by the map, needs the map', () => {
    expect(targetFrame({ kind: 'map' }, runs, 80, 229)).toBe(100);
    expect(targetFrame({ kind: 'map' }, null, 80, 229)).toBeNull();
  });
});

describe('mapping a frame of B back to A', () => {
  it('undoes the map, with no A frame for a picture B added', () => {
    expect(sourceFrame({ kind: 'map' }, runs, 39, 210)).toBe(39);
    expect(sourceFrame({ kind: 'map' }, runs, 40, 210)).toBe(50);
    expect(sourceFrame({ kind: 'map' }, runs, 228, 210)).toBe(209);
    for (const added of [70, 85, 99]) expect(sourceFrame({ kind: 'map' }, runs, added, 210)).toBeNull();
    for (let frame = 0; frame < 210; frame += 1) {
      const there = mapFrameByRuns(runs, frame);
      if (there !== null) expect(sourceFrame({ kind: 'map' }, runs, there, 210)).toBe(frame);
    }
  });

  it('for a frame B added, finds the last of A’s pictures B shows before it', () => {
    // B's 70–99 are new: the picture before them is A's 79 (B's 69).
    for (const added of [70, 85, 99]) expect(frameBefore(runs, added)).toBe(79);
    expect(frameBefore(runs, 39)).toBe(39);
    expect(frameBefore(runs, 0)).toBe(0);
    // A moved shot: B shows A's 150–159 first, then A's 0–9; after B's 19 the last picture is A's 9.
    const moved: FrameRun[] = [
      { aStart: 0, bStart: 10, length: 10 },
      { aStart: 150, bStart: 0, length: 10 },
    ];
    expect(frameBefore(moved, 25)).toBe(9);
    expect(frameBefore(moved, 5)).toBe(155);
    expect(frameBefore([{ aStart: 0, bStart: 10, length: 5 }], 3)).toBeNull();
  });

  it('by frame number, takes the offset off and stops at A’s ends', () => {
    expect(sourceFrame({ kind: 'offset', offset: 20 }, runs, 65, 210)).toBe(45);
    expect(sourceFrame({ kind: 'offset', offset: 20 }, runs, 10, 210)).toBeNull();
    expect(sourceFrame({ kind: 'offset', offset: -5 }, runs, 205, 210)).toBeNull();
  });
});

describe('the changes strip', () => {
  it('shows the cut stretches and the insert where it goes in A', () => {
    expect(changesFromRuns(runs, 210, 229)).toEqual([
      { kind: 'removed', from: 40, length: 10, bFrames: 10 },
      { kind: 'inserted', from: 80, length: 0, bFrames: 30 },
      { kind: 'removed', from: 100, length: 1, bFrames: 1 },
    ]);
  });

  it('shows a tail cut, frames added at the end, and a shot moved out of order', () => {
    // A's frames 10–14 are at B's end; B adds 5 frames after them; A's last 10 frames are cut.
    const moved: FrameRun[] = [
      { aStart: 0, bStart: 0, length: 10 },
      { aStart: 10, bStart: 45, length: 5 },
      { aStart: 15, bStart: 10, length: 20 },
      { aStart: 35, bStart: 30, length: 15 },
    ];
    expect(changesFromRuns(moved, 60, 55)).toEqual([
      { kind: 'moved', from: 10, length: 5, bFrames: 5 },
      { kind: 'inserted', from: 15, length: 0, bFrames: 5 },
      { kind: 'removed', from: 50, length: 10, bFrames: 10 },
    ]);
  });

  it('calls a cut with new pictures in its place a changed stretch', () => {
    const replaced: FrameRun[] = [
      { aStart: 0, bStart: 0, length: 40 },
      { aStart: 60, bStart: 55, length: 40 },
    ];
    expect(changesFromRuns(replaced, 100, 95)).toEqual([
      { kind: 'changed', from: 40, length: 20, bFrames: 15 },
    ]);
  });

  it('says nothing changed between identical versions', () => {
    expect(changesFromRuns([{ aStart: 0, bStart: 0, length: 50 }], 50, 50)).toEqual([]);
  });

  it('jumps to the next change after the playhead, and back to the one before', () => {
    const changes = changesFromRuns(runs, 210, 229);
    expect(nextChange(changes, 0)?.from).toBe(40);
    expect(nextChange(changes, 40)?.from).toBe(80);
    expect(nextChange(changes, 100)).toBeNull();
    expect(nextChange(changes, 100, -1)?.from).toBe(80);
    expect(nextChange(changes, 40, -1)).toBeNull();
  });
});
