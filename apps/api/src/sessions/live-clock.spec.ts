import { LIVE_BACKDATE_MAX_MS } from '@cutroom/contracts';
import { hostSampleTime } from './live-clock.js';

const ARRIVED = new Date(Date.UTC(2026, 11, 5, 10, 0, 0, 500));
const before = (ms: number) => new Date(ARRIVED.getTime() - ms);

describe("when a host's change is dated", () => {
  it('at the moment the host read its frame: how old the reading was and half the round trip before it came in', () => {
    expect(hostSampleTime(ARRIVED, 30, 40)).toEqual(before(50));
    expect(hostSampleTime(ARRIVED, 0, 41)).toEqual(before(21));
  });

  it('with nothing known of either, when it came in', () => {
    expect(hostSampleTime(ARRIVED, undefined, null)).toEqual(ARRIVED);
  });

  it('never further back than the bound, nor ahead of when it came in, whatever a client says', () => {
    expect(hostSampleTime(ARRIVED, 60_000, null)).toEqual(before(LIVE_BACKDATE_MAX_MS));
    expect(hostSampleTime(ARRIVED, 200, 400)).toEqual(before(LIVE_BACKDATE_MAX_MS));
    expect(hostSampleTime(ARRIVED, -500, -80)).toEqual(ARRIVED);
  });
});
