import { sharedLoopOf } from './shared-loop';

const V1 = '00000000-0000-4000-8000-000000000001';
const V2 = '00000000-0000-4000-8000-000000000002';
const transport = {
  versionId: V1,
  frame: 12,
  playing: false,
  rate: 1,
  loopIn: 10,
  loopOut: 30,
  compare: null,
};

describe("the host's loop on a follower's player", () => {
  it('is the host’s in and out marks, on the host’s version', () => {
    expect(sharedLoopOf(transport, V1)).toEqual({ from: 10, to: 30 });
  });

  it('is none while the follower still shows another version, or the host has no loop', () => {
    expect(sharedLoopOf(transport, V2)).toBeNull();
    expect(sharedLoopOf({ ...transport, loopIn: null, loopOut: null }, V1)).toBeNull();
  });
});
