import { computePeaks, PeakAccumulator } from './waveform';

function bytes(samples: number[]): Uint8Array {
  return new Uint8Array(Int16Array.from(samples).buffer);
}

describe('waveform peaks', () => {
  it('keeps the min and max of each bucket, normalised to −1…1', () => {
    expect(computePeaks(Int16Array.from([0, 16384, -8192, 100, -32768, 32767, 5]), 3)).toEqual([
      -0.25, 0.5, -1, 1, 0, 0,
    ]);
  });

  it('gives a last, shorter bucket its own pair and nothing for silence-free emptiness', () => {
    expect(computePeaks(Int16Array.from([1000, -1000, 3277]), 2)).toEqual([-0.031, 0.031, 0.1, 0.1]);
    expect(computePeaks(new Int16Array(0), 10)).toEqual([]);
  });

  it('reads little-endian PCM split at any byte, odd splits included', () => {
    const samples = [0, 12000, -12000, 32767, -32768, 7, -7, 300, -300, 1];
    const whole = computePeaks(Int16Array.from(samples), 4);
    const raw = bytes(samples);
    for (const size of [1, 3, 5, 7]) {
      const accumulator = new PeakAccumulator(4);
      for (let offset = 0; offset < raw.length; offset += size)
        accumulator.push(raw.subarray(offset, offset + size));
      expect(accumulator.finish()).toEqual(whole);
    }
  });

  it('refuses a bucket size that is not a positive integer', () => {
    expect(() => new PeakAccumulator(0)).toThrow(RangeError);
    expect(() => new PeakAccumulator(2.5)).toThrow(RangeError);
  });
});
