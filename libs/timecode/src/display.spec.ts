import { formatFrame, formatFrameRate, formatSeconds, TimecodeError } from './index';

describe('seconds as a clock reading', () => {
  it.each([
    [0, '0:00.000'],
    [12.345, '0:12.345'],
    [62.345, '1:02.345'],
    [59.9996, '1:00.000'],
    [599.9999, '10:00.000'],
    [3723.456, '1:02:03.456'],
    [86_400, '24:00:00.000'],
    [-1.5, '-0:01.500'],
    [-0.0001, '0:00.000'],
  ])('%p s reads %p', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it('rounds to the digits asked for', () => {
    expect(formatSeconds(62.345, 0)).toBe('1:02');
    expect(formatSeconds(62.35, 1)).toBe('1:02.4');
    expect(formatSeconds(1 / 3, 6)).toBe('0:00.333333');
  });

  it('refuses what is not a time or a digit count', () => {
    expect(() => formatSeconds(NaN)).toThrow(TimecodeError);
    expect(() => formatSeconds(1, 7)).toThrow(RangeError);
    expect(() => formatSeconds(1, 1.5)).toThrow(RangeError);
  });
});

describe('a frame in each of the three display modes', () => {
  const version = { rate: { fpsNum: 30000, fpsDen: 1001 }, dropFrame: true, startFrame: 107_892 };

  it('shows timecode from the start timecode', () => {
    expect(formatFrame(1800, 'timecode', version)).toBe('01:01:00;02');
  });

  it('shows the 0-based frame index, whatever the start timecode', () => {
    expect(formatFrame(1800, 'frame', version)).toBe('1800');
  });

  it('shows seconds from the first frame', () => {
    expect(formatFrame(1800, 'seconds', version)).toBe('1:00.060');
  });

  it.each(['timecode', 'frame', 'seconds'] as const)(
    'rejects a frame that is not an index in %s mode',
    (mode) => {
      expect(() => formatFrame(-1, mode, version)).toThrow(TimecodeError);
    },
  );
});

describe('a rate as people write it', () => {
  it.each([
    [24000, 1001, '23.976'],
    [30000, 1001, '29.97'],
    [60000, 1001, '59.94'],
    [120000, 1001, '119.88'],
    [25, 1, '25'],
    [2997, 100, '29.97'],
  ])('%p/%p is %p', (fpsNum, fpsDen, text) => {
    expect(formatFrameRate({ fpsNum, fpsDen })).toBe(text);
  });
});
