import { LIVE_BACKDATE_MAX_MS } from '@cutroom/contracts';
import { hostSampleTime } from './live-clock.js';

const ARRIVED = new Date(Date.UTC(2026, 11, 5, 10, 0, 0, 500));
const before = (ms: number) => new Date(ARRIVED.getTime() - ms);

describe("when a host's change is dated", () => {
  it('at the moment the host read its frame: how old the reading was and half the round trip before it came in', () => {
    expect(hostSampleTime({ receivedAt: ARRIVED, sampleAgeMs: 30, roundTripMs: 40 })).toEqual(before(50));
    expect(hostSampleTime({ receivedAt: ARRIVED, sampleAgeMs: 0, roundTripMs: 41 })).toEqual(before(21));
  });

  it('with nothing known of either, when it came in', () => {
    expect(hostSampleTime({ receivedAt: ARRIVED, sampleAgeMs: undefined, roundTripMs: null })).toEqual(
      ARRIVED,
    );
  });

  it('never further back than the bound, nor ahead of when it came in, whatever a client says', () => {
    expect(hostSampleTime({ receivedAt: ARRIVED, sampleAgeMs: 60_000, roundTripMs: null })).toEqual(
      before(LIVE_BACKDATE_MAX_MS),
    );
    expect(hostSampleTime({ receivedAt: ARRIVED, sampleAgeMs: 200, roundTripMs: 400 })).toEqual(
      before(LIVE_BACKDATE_MAX_MS),
    );
    expect(hostSampleTime({ receivedAt: ARRIVED, sampleAgeMs: -500, roundTripMs: -80 })).toEqual(ARRIVED);
  });
});
