import { FOLLOW_SEEK_FRAMES, followCorrection } from './follow-correction';

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

  it('far off, it seeks to where the host is', () => {
    expect(followCorrection(50, 100, 1, 25)).toEqual({ seekTo: 100, playbackRate: 1 });
    expect(followCorrection(100 + FOLLOW_SEEK_FRAMES + 1, 100, 1, 25).seekTo).toBe(100);
  });
});
