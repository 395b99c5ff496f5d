import { peaksPerColumn, readWaveformPeaks, waveformGain } from './waveform';

describe('reading waveform peaks', () => {
  it('takes min/max pairs in −1..1 as they are', () => {
    expect(readWaveformPeaks({ peaks: [-0.5, 0.5, -1, 0.25] })).toEqual([-0.5, 0.5, -1, 0.25]);
  });

  it('scales audiowaveform integer samples by their bit depth', () => {
    expect(readWaveformPeaks({ bits: 8, data: [-64, 64, -128, 32] })).toEqual([-0.5, 0.5, -1, 0.25]);
  });

  it('scales integers without a bit depth by their largest value', () => {
    expect(readWaveformPeaks([-200, 100, -50, 50])).toEqual([-1, 0.5, -0.25, 0.25]);
  });

  it('mirrors plain amplitudes and uses the first channel', () => {
    expect(
      readWaveformPeaks({
        peaks: [
          [0.5, 1],
          [0.1, 0.1],
        ],
      }),
    ).toEqual([-0.5, 0.5, -1, 1]);
  });

  it('returns nothing for shapes it cannot read', () => {
    expect(readWaveformPeaks({})).toBeNull();
    expect(readWaveformPeaks({ peaks: 'abc' })).toBeNull();
    expect(readWaveformPeaks(null)).toBeNull();
  });
});

describe('drawing peaks into columns', () => {
  it('keeps the extremes of each column', () => {
    const peaks = [-0.1, 0.1, -0.9, 0.2, -0.2, 0.8, -0.3, 0.3];
    expect(peaksPerColumn(peaks, 2)).toEqual([
      [-0.9, 0.2],
      [-0.3, 0.8],
    ]);
  });

  it('repeats peaks when there are more columns than pairs', () => {
    expect(peaksPerColumn([-0.5, 0.5], 3)).toEqual([
      [-0.5, 0.5],
      [-0.5, 0.5],
      [-0.5, 0.5],
    ]);
  });
});

it('scales a quiet mix up to fill the height, but not silence into noise', () => {
  expect(waveformGain([-0.125, 0.125])).toBe(8);
  expect(waveformGain([-1, 0.5])).toBe(1);
  expect(waveformGain([0, 0.001])).toBe(20);
});
