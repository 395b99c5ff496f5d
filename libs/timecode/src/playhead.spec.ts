import { playheadFrame, type PlayheadAnchor } from './index';

const FILM = { fpsNum: 24, fpsDen: 1 };
const NTSC = { fpsNum: 30000, fpsDen: 1001 };
const paused: PlayheadAnchor = { frame: 100, playing: false, rate: 1, loopIn: null, loopOut: null };
const playing: PlayheadAnchor = { ...paused, playing: true };

describe('where a live session playhead is now', () => {
  it('a paused playhead stays on its frame however long ago it stopped', () => {
    expect(playheadFrame(paused, 60_000, FILM)).toBe(100);
  });

  it('a playing playhead advances one frame per frame duration', () => {
    expect(playheadFrame(playing, 0, FILM)).toBe(100);
    expect(playheadFrame(playing, 41, FILM)).toBe(100);
    expect(playheadFrame(playing, 42, FILM)).toBe(101);
    expect(playheadFrame(playing, 1000, FILM)).toBe(124);
  });

  it('counts exact rational rates: ten seconds of 29.97 is 299 whole frames', () => {
    expect(playheadFrame({ ...playing, frame: 0 }, 10_000, NTSC)).toBe(299);
  });

  it('advances at the host rate', () => {
    expect(playheadFrame({ ...playing, rate: 2 }, 1000, FILM)).toBe(148);
    expect(playheadFrame({ ...playing, rate: 0.5 }, 1000, FILM)).toBe(112);
  });

  it('wraps inside the loop', () => {
    const looping = { ...playing, frame: 10, loopIn: 10, loopOut: 19 };
    expect(playheadFrame(looping, (9 * 1000) / 24, FILM)).toBe(19);
    expect(playheadFrame(looping, (10 * 1000) / 24 + 1, FILM)).toBe(10);
    expect(playheadFrame(looping, (25 * 1000) / 24 + 1, FILM)).toBe(15);
  });

  it('ignores a loop the playhead started outside of, and holds on the last frame', () => {
    const before = { ...playing, frame: 0, loopIn: 50, loopOut: 60 };
    expect(playheadFrame(before, 10_000, FILM, 239)).toBe(239);
    expect(playheadFrame(before, 1000, FILM, 239)).toBe(24);
  });

  it('a clock that went backwards or is not a number leaves the playhead where it was', () => {
    expect(playheadFrame(playing, -500, FILM)).toBe(100);
    expect(playheadFrame(playing, Number.NaN, FILM)).toBe(100);
  });

  it('refuses a frame that is not a whole frame index', () => {
    expect(() => playheadFrame({ ...playing, frame: 1.5 }, 0, FILM)).toThrow();
  });
});
