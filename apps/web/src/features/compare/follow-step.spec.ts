import { followStep, type FollowState } from './follow-step';

const state = (change: Partial<FollowState>): FollowState => ({
  target: 100,
  playAlong: false,
  followerPlaying: false,
  followerPlayhead: 100,
  followerFrame: 100,
  ...change,
});

describe('picture B following picture A', () => {
  it('paused: seeks B to exactly its target, and not again once it is going there', () => {
    expect(followStep(state({ followerPlayhead: 99 }))).toEqual({ pause: false, seek: 100, play: false });
    expect(followStep(state({ followerPlayhead: 100, followerFrame: 99 }))).toEqual({
      pause: false,
      seek: null,
      play: false,
    });
  });

  it('A stepping or shuttling while B still plays: B pauses and goes to the target', () => {
    expect(followStep(state({ followerPlaying: true, followerPlayhead: 104 }))).toEqual({
      pause: true,
      seek: 100,
      play: false,
    });
  });

  it('A plays at 1×: B starts on its target and plays along', () => {
    expect(followStep(state({ playAlong: true, followerPlayhead: 40 }))).toEqual({
      pause: false,
      seek: 100,
      play: true,
    });
  });

  it('playing along, a frame or two apart is left alone; a jump (a cut in B) puts B back', () => {
    const along = { playAlong: true, followerPlaying: true };
    expect(followStep(state({ ...along, followerFrame: 98 }))).toEqual({
      pause: false,
      seek: null,
      play: false,
    });
    expect(followStep(state({ ...along, followerFrame: 89 }))).toEqual({
      pause: false,
      seek: 100,
      play: false,
    });
  });

  it('no picture in B for A’s frame: B waits, paused', () => {
    expect(followStep(state({ target: null, followerPlaying: true }))).toEqual({
      pause: true,
      seek: null,
      play: false,
    });
    expect(followStep(state({ target: null, playAlong: true }))).toEqual({
      pause: false,
      seek: null,
      play: false,
    });
  });
});
