import { roundTripOf, withRoundTrip } from './round-trip.js';

describe("a socket's round trip", () => {
  it('is the lowest of its last five: one slowed by queueing does not count', () => {
    let kept: number[] = [];
    for (const ms of [90, 12, 300, 15, 14]) kept = withRoundTrip(kept, ms);
    expect(roundTripOf(kept)).toBe(12);
    kept = withRoundTrip(kept, 40);
    expect(kept).toEqual([12, 300, 15, 14, 40]);
    kept = withRoundTrip(kept, 40);
    expect(roundTripOf(kept)).toBe(14);
  });

  it('is unknown before it was timed', () => {
    expect(roundTripOf(undefined)).toBeNull();
    expect(roundTripOf([])).toBeNull();
  });
});
