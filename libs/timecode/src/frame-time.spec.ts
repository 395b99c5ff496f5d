import {
  FRAME_START_TOLERANCE,
  frameMidpointSeconds,
  frameToSeconds,
  secondsToFrame,
  TimecodeError,
  type FrameRate,
  type TimecodeErrorCode,
} from './index';

// Bound once: the sweeps below call them millions of times inside Jest's sandbox.
const { floor, round } = Math;

const NTSC_23_976 = { fpsNum: 24000, fpsDen: 1001 };
const NTSC_29_97 = { fpsNum: 30000, fpsDen: 1001 };
const NTSC_59_94 = { fpsNum: 60000, fpsDen: 1001 };
const PAL_25 = { fpsNum: 25, fpsDen: 1 };

function errorCodeOf(action: () => unknown): TimecodeErrorCode | 'no error' {
  try {
    action();
  } catch (error) {
    if (error instanceof TimecodeError) {
      return error.code;
    }
    throw error;
  }
  return 'no error';
}

describe('a frame in seconds', () => {
  it.each([
    { frame: 0, fps: '23.976', rate: NTSC_23_976, seconds: 0 },
    { frame: 24, fps: '23.976', rate: NTSC_23_976, seconds: 1.001 },
    { frame: 30, fps: '29.97', rate: NTSC_29_97, seconds: 1.001 },
    { frame: 60, fps: '59.94', rate: NTSC_59_94, seconds: 1.001 },
    { frame: 1, fps: '25', rate: PAL_25, seconds: 0.04 },
    { frame: 90_000, fps: '25', rate: PAL_25, seconds: 3600 },
    { frame: 86_400, fps: '24', rate: { fpsNum: 24, fpsDen: 1 }, seconds: 3600 },
    { frame: 2_073_600, fps: '23.976', rate: NTSC_23_976, seconds: 86_486.4 },
  ])('frame $frame at $fps fps starts at $seconds s', ({ frame, rate, seconds }) => {
    expect(frameToSeconds(frame, rate)).toBe(seconds);
  });

  it.each([
    { frame: 0, fps: '25', rate: PAL_25, seconds: 0.02 },
    { frame: 0, fps: '23.976', rate: NTSC_23_976, seconds: 1001 / 48000 },
    { frame: 23, fps: '23.976', rate: NTSC_23_976, seconds: (47 * 1001) / 48000 },
    { frame: 99, fps: '50', rate: { fpsNum: 50, fpsDen: 1 }, seconds: 1.99 },
  ])('the player seeks to the middle of frame $frame at $fps fps: $seconds s', ({ frame, rate, seconds }) => {
    expect(frameMidpointSeconds(frame, rate)).toBeCloseTo(seconds, 12);
  });

  it.each([-1, 1.5, NaN, Infinity, 2 ** 53])('rejects %p as a frame index', (frame) => {
    expect(errorCodeOf(() => frameToSeconds(frame, NTSC_23_976))).toBe('INVALID_FRAME');
    expect(errorCodeOf(() => frameMidpointSeconds(frame, NTSC_23_976))).toBe('INVALID_FRAME');
  });

  it('rejects an invalid rate', () => {
    expect(errorCodeOf(() => frameToSeconds(1, { fpsNum: 0, fpsDen: 0 }))).toBe('INVALID_FRAME_RATE');
    expect(errorCodeOf(() => secondsToFrame(1, { fpsNum: 24, fpsDen: 0 }))).toBe('INVALID_FRAME_RATE');
  });
});

describe('the frame on screen at a time', () => {
  it.each([
    { seconds: 0, fps: '23.976', rate: NTSC_23_976, frame: 0 },
    { seconds: 1, fps: '23.976', rate: NTSC_23_976, frame: 23 },
    { seconds: 1.001, fps: '23.976', rate: NTSC_23_976, frame: 24 },
    { seconds: 3600, fps: '23.976', rate: NTSC_23_976, frame: 86_313 },
    { seconds: 3600, fps: '29.97', rate: NTSC_29_97, frame: 107_892 },
    { seconds: 3600, fps: '59.94', rate: NTSC_59_94, frame: 215_784 },
    { seconds: 0.0399, fps: '25', rate: PAL_25, frame: 0 },
    { seconds: 0.04, fps: '25', rate: PAL_25, frame: 1 },
    { seconds: 59.99, fps: '25', rate: PAL_25, frame: 1499 },
  ])('at $seconds s at $fps fps is frame $frame', ({ seconds, rate, frame }) => {
    expect(secondsToFrame(seconds, rate)).toBe(frame);
  });

  it('counts a time within the tolerance before a frame start as that frame, and no further', () => {
    const rate = PAL_25;
    const frameDuration = 1 / 25;
    expect(secondsToFrame((10 - FRAME_START_TOLERANCE / 2) * frameDuration, rate)).toBe(10);
    expect(secondsToFrame((10 - FRAME_START_TOLERANCE * 2) * frameDuration, rate)).toBe(9);
  });

  it('reads a tiny negative float error at zero as the first frame', () => {
    expect(secondsToFrame(-1e-12, NTSC_23_976)).toBe(0);
  });

  it.each([-0.5, NaN, Infinity, -Infinity])('rejects %p s', (seconds) => {
    expect(errorCodeOf(() => secondsToFrame(seconds, NTSC_23_976))).toBe('INVALID_SECONDS');
  });
});

/**
 * For every frame: its start, however a client computes it (exact, times a float frame duration, over a
 * float fps, rounded or truncated to the microsecond as browsers report `mediaTime`), its midpoint and a
 * time just before the next frame all map back to it.
 */
function framesThatDoNotMapBack(rate: FrameRate, firstFrame: number, endFrame: number): string[] {
  const { fpsNum, fpsDen } = rate;
  const frameDuration = fpsDen / fpsNum;
  const fps = fpsNum / fpsDen;
  const mismatches: string[] = [];
  for (let frame = firstFrame; frame < endFrame; frame += 1) {
    const start = frameToSeconds(frame, rate);
    const candidates = [
      start,
      frame * frameDuration,
      frame / fps,
      round(start * 1e6) / 1e6,
      floor(start * 1e6) / 1e6,
      frameMidpointSeconds(frame, rate),
      (frame + 0.99) * frameDuration,
    ];
    for (const seconds of candidates) {
      const mapped = secondsToFrame(seconds, rate);
      if (mapped !== frame && mismatches.length < 10) {
        mismatches.push(`frame ${frame}: ${seconds} s maps to ${mapped}`);
      }
    }
  }
  return mismatches;
}

describe('every frame boundary maps back to its frame', () => {
  it('at 23.976, for every frame of 24 hours', () => {
    const framesIn24Hours = Math.ceil((86_400 * 24000) / 1001);
    expect(framesThatDoNotMapBack(NTSC_23_976, 0, framesIn24Hours)).toEqual([]);
  });

  // Float error grows with the time, so the other rates check the first minute and the 24th hour.
  it.each([
    ['24', { fpsNum: 24, fpsDen: 1 }],
    ['25', { fpsNum: 25, fpsDen: 1 }],
    ['29.97', { fpsNum: 30000, fpsDen: 1001 }],
    ['30', { fpsNum: 30, fpsDen: 1 }],
    ['48', { fpsNum: 48, fpsDen: 1 }],
    ['50', { fpsNum: 50, fpsDen: 1 }],
    ['59.94', { fpsNum: 60000, fpsDen: 1001 }],
    ['60', { fpsNum: 60, fpsDen: 1 }],
    ['119.88', { fpsNum: 120000, fpsDen: 1001 }],
    ['120', { fpsNum: 120, fpsDen: 1 }],
  ])('at %s, for the first minute and the 24th hour', (_name, rate) => {
    const frameAt = (seconds: number) => Math.ceil((seconds * rate.fpsNum) / rate.fpsDen);
    expect(framesThatDoNotMapBack(rate, 0, frameAt(60))).toEqual([]);
    expect(framesThatDoNotMapBack(rate, frameAt(23 * 3600), frameAt(24 * 3600))).toEqual([]);
  });
});
