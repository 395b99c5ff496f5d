import { FOLLOW_SEEK_FRAMES, followCorrection, hostPosition } from './follow-correction';

const AT_25 = { fpsNum: 25, fpsDen: 1 };
const NTSC = { fpsNum: 30000, fpsDen: 1001 };
const anchor = (frame: number, playing = true, rate = 1) => ({
  frame,
  playing,
  rate,
  loopIn: null,
  loopOut: null,
});

describe('how a playing follower keeps to the host', () => {
  it('on the host frame, it plays at the host speed', () => {
    expect(followCorrection(100, 100, 1, 25)).toEqual({ seekTo: null, playbackRate: 1 });
    expect(followCorrection(100, 100, 2, 25)).toEqual({ seekTo: null, playbackRate: 2 });
  });

  it('a frame or two behind, it speeds up a little; ahead, it slows a little — without seeking', () => {
    const behind = followCorrection(98, 100, 1, 25);
    expect(behind.seekTo).toBeNull();
    expect(behind.playbackRate).toBeCloseTo(1.08);
    const ahead = followCorrection(101, 100, 1, 25);
    expect(ahead.seekTo).toBeNull();
    expect(ahead.playbackRate).toBeCloseTo(0.96);
  });

  it('never departs from the host speed by more than 8 %', () => {
    expect(followCorrection(100 - FOLLOW_SEEK_FRAMES, 100, 1, 24).playbackRate).toBeCloseTo(1.08);
    expect(followCorrection(100 + FOLLOW_SEEK_FRAMES, 100, 0.5, 24).playbackRate).toBeCloseTo(0.46);
  });

  it('far off, it seeks to where the host is: to the start of the frame the host is in', () => {
    expect(followCorrection(50, 100, 1, 25)).toEqual({ seekTo: 100, playbackRate: 1 });
    expect(followCorrection(100 + FOLLOW_SEEK_FRAMES + 1, 100, 1, 25).seekTo).toBe(100);
    expect(followCorrection(50, 100.6, 1, 25).seekTo).toBe(100);
  });

  it('half a frame behind within the same frame, it still closes the gap: positions count between pictures', () => {
    const behind = followCorrection(100.1, 100.6, 1, 25);
    expect(behind.seekTo).toBeNull();
    expect(behind.playbackRate).toBeCloseTo(1.02);
    expect(followCorrection(100.6, 100.6, 1, 25).playbackRate).toBe(1);
  });
});

describe('where a playing host is by now', () => {
  it('the frames played since the anchor, with the fraction of the frame it is in', () => {
    expect(hostPosition(anchor(10), 0, AT_25, null)).toBe(10);
    expect(hostPosition(anchor(10), 100, AT_25, null)).toBeCloseTo(12.5);
    expect(hostPosition(anchor(10, true, 2), 100, AT_25, null)).toBeCloseTo(15);
    // 29.97: 1001 ms is exactly 30 frames.
    expect(hostPosition(anchor(0), 1001, NTSC, null)).toBeCloseTo(30);
    expect(hostPosition(anchor(0), 1001 + 1001 / 60, NTSC, null)).toBeCloseTo(30.5);
  });

  it('paused, or held at the last frame, the frame itself', () => {
    expect(hostPosition(anchor(10, false), 5000, AT_25, null)).toBe(10);
    expect(hostPosition(anchor(10), 10_000, AT_25, 99)).toBe(99);
  });

  it('in a loop, wrapped as the host’s player wraps it', () => {
    const looping = { ...anchor(18), loopIn: 10, loopOut: 19 };
    // 2.5 frames on from 18: past 19, back to 10, half way through it.
    expect(hostPosition(looping, 100, AT_25, null)).toBeCloseTo(10.5);
  });
});
