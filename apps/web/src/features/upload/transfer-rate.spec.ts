import {
  addSample,
  bytesPerSecond,
  formatRate,
  formatTimeLeft,
  isStalled,
  secondsLeft,
  STALL_AFTER_MS,
  type ProgressSample,
} from './transfer-rate';

function samplesOf(points: [number, number][]): ProgressSample[] {
  return points.reduce<ProgressSample[]>((samples, [at, bytes]) => addSample(samples, { at, bytes }), []);
}

describe('upload speed, time left and stalls', () => {
  it('speed is bytes over the last five seconds', () => {
    const samples = samplesOf([
      [0, 0],
      [1000, 1_000_000],
      [7000, 7_000_000],
      [8000, 10_000_000],
    ]);
    // Only the samples within five seconds of the newest count: 3 MB in one second.
    expect(bytesPerSecond(samples)).toBe(3_000_000);
  });

  it('no speed until half a second has been measured; a restart from fewer bytes starts over', () => {
    expect(bytesPerSecond(samplesOf([[0, 0]]))).toBeNull();
    expect(
      bytesPerSecond(
        samplesOf([
          [0, 0],
          [200, 100],
        ]),
      ),
    ).toBeNull();
    expect(
      samplesOf([
        [0, 0],
        [1000, 500],
        [2000, 100],
      ]),
    ).toEqual([{ at: 2000, bytes: 100 }]);
  });

  it('time left at the current speed', () => {
    expect(secondsLeft(40_000_000, 100_000_000, 2_000_000)).toBe(30);
    expect(secondsLeft(0, 100, null)).toBeNull();
    expect(secondsLeft(0, 100, 0)).toBeNull();
  });

  it('stalled once no byte has arrived for the stall time', () => {
    expect(isStalled(1000, 1000 + STALL_AFTER_MS - 1)).toBe(false);
    expect(isStalled(1000, 1000 + STALL_AFTER_MS)).toBe(true);
  });

  it('reads as people say it', () => {
    expect(formatRate(2_400_000)).toBe('2.4 MB/s');
    expect(formatRate(850_000)).toBe('850 KB/s');
    expect(formatTimeLeft(12)).toBe('12 s left');
    expect(formatTimeLeft(240)).toBe('4 min left');
    expect(formatTimeLeft(3900)).toBe('1 h 05 min left');
  });
});
