import type { Version } from '@cutroom/contracts';
import { hostOutOfSight } from './out-of-sight';

const V1 = '00000000-0000-4000-8000-000000000001';
const V2 = '00000000-0000-4000-8000-000000000002';
const V3 = '00000000-0000-4000-8000-000000000003';
const seen = (...ids: string[]) => ids.map((id) => ({ id }) as Version);
const transport = {
  versionId: V1,
  frame: 12,
  playing: false,
  rate: 1,
  loopIn: null,
  loopOut: null,
  compare: null,
};
const comparing = (b: string) => ({
  ...transport,
  compare: {
    versionId: b,
    layout: 'side' as const,
    alignment: { kind: 'map' as const },
    swapped: false,
    split: 0.5,
  },
});

describe('a follower told why it cannot follow the host', () => {
  it('is told nothing while it sees every version the host shows', () => {
    expect(hostOutOfSight(transport, seen(V1, V2))).toBeNull();
    expect(hostOutOfSight(comparing(V2), seen(V1, V2))).toBeNull();
  });

  it('is told the host compares with a version it cannot see, whichever side it is on', () => {
    expect(hostOutOfSight(comparing(V3), seen(V1, V2))).toMatch(/comparing with a version you can't see/);
    expect(hostOutOfSight({ ...comparing(V2), versionId: V3 }, seen(V1, V2))).toMatch(
      /comparing with a version you can't see/,
    );
  });

  it('is told the host is on a version it cannot see outside compare', () => {
    expect(hostOutOfSight({ ...transport, versionId: V3 }, seen(V1, V2))).toBe(
      "The host is on a version you can't see",
    );
  });
});
