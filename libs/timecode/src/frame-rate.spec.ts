import {
  allowsDropFrame,
  frameRateToFps,
  nominalFps,
  parseFrameRate,
  reduceFrameRate,
  TimecodeError,
  type TimecodeErrorCode,
} from './index';

function errorCodeOf(action: () => unknown): TimecodeErrorCode | 'no error' {
  try {
    action();
  } catch (error) {
    if (error instanceof TimecodeError) {
      return error.code;
    }
    throw error;
  }
  return 'no error';
}

describe('reading the rate ffprobe reports', () => {
  it.each([
    ['24000/1001', 24000, 1001],
    ['30000/1001', 30000, 1001],
    ['60000/1001', 60000, 1001],
    ['120000/1001', 120000, 1001],
    ['24/1', 24, 1],
    ['25/1', 25, 1],
    ['50/1', 50, 1],
    ['48/1', 48, 1],
    ['25', 25, 1],
    [' 30000 / 1001 ', 30000, 1001],
    ['48000/2002', 24000, 1001],
    ['2997/100', 2997, 100],
    ['50/2', 25, 1],
  ])('reads %p as %p/%p', (text, fpsNum, fpsDen) => {
    expect(parseFrameRate(text)).toEqual({ fpsNum, fpsDen });
  });

  it.each([
    '0/0',
    '0/1',
    '24/0',
    '',
    '   ',
    'abc',
    '-24/1',
    '24/-1',
    '23.976',
    '24000/1001/1',
    '/1001',
    '24000/',
    'NaN',
    '99999999999999999999/1',
  ])('rejects %p', (text) => {
    expect(errorCodeOf(() => parseFrameRate(text))).toBe('INVALID_FRAME_RATE');
  });

  it('says what it expected when ffprobe could not tell the rate', () => {
    expect(() => parseFrameRate('0/0')).toThrow('"0/0" is not a frame rate: expected a positive fraction');
  });
});

describe('reducing a rate', () => {
  it.each([
    [
      { fpsNum: 24000, fpsDen: 1001 },
      { fpsNum: 24000, fpsDen: 1001 },
    ],
    [
      { fpsNum: 48000, fpsDen: 2002 },
      { fpsNum: 24000, fpsDen: 1001 },
    ],
    [
      { fpsNum: 30, fpsDen: 1 },
      { fpsNum: 30, fpsDen: 1 },
    ],
    [
      { fpsNum: 90000, fpsDen: 3600 },
      { fpsNum: 25, fpsDen: 1 },
    ],
    [
      { fpsNum: 7, fpsDen: 7 },
      { fpsNum: 1, fpsDen: 1 },
    ],
  ])('reduces %p to %p', (rate, reduced) => {
    expect(reduceFrameRate(rate)).toEqual(reduced);
  });

  it.each([
    { fpsNum: 0, fpsDen: 1 },
    { fpsNum: 24, fpsDen: 0 },
    { fpsNum: -24, fpsDen: 1 },
    { fpsNum: 23.976, fpsDen: 1 },
    { fpsNum: NaN, fpsDen: 1 },
    { fpsNum: 24, fpsDen: Infinity },
  ])('rejects %p', (rate) => {
    expect(errorCodeOf(() => reduceFrameRate(rate))).toBe('INVALID_FRAME_RATE');
    expect(errorCodeOf(() => nominalFps(rate))).toBe('INVALID_FRAME_RATE');
  });
});

describe('the timebase timecode counts in', () => {
  it.each([
    [24000, 1001, 24],
    [24, 1, 24],
    [25, 1, 25],
    [30000, 1001, 30],
    [30, 1, 30],
    [48000, 1001, 48],
    [48, 1, 48],
    [50, 1, 50],
    [60000, 1001, 60],
    [60, 1, 60],
    [120000, 1001, 120],
    [120, 1, 120],
    [2997, 100, 30],
    [25, 2, 13],
    [1, 3, 1],
  ])('is %p/%p → %p', (fpsNum, fpsDen, nominal) => {
    expect(nominalFps({ fpsNum, fpsDen })).toBe(nominal);
  });
});

describe('which rates have drop-frame timecode', () => {
  it.each([
    [30000, 1001],
    [60000, 1001],
    [120000, 1001],
    [60000, 2002],
  ])('%p/%p does', (fpsNum, fpsDen) => {
    expect(allowsDropFrame({ fpsNum, fpsDen })).toBe(true);
  });

  it.each([
    [24000, 1001],
    [48000, 1001],
    [24, 1],
    [25, 1],
    [30, 1],
    [50, 1],
    [60, 1],
    [2997, 100],
    [15000, 1001],
  ])('%p/%p does not', (fpsNum, fpsDen) => {
    expect(allowsDropFrame({ fpsNum, fpsDen })).toBe(false);
  });
});

describe('frames per second as a float', () => {
  it('is the exact quotient, for display only', () => {
    expect(frameRateToFps({ fpsNum: 30000, fpsDen: 1001 })).toBeCloseTo(29.97003, 5);
    expect(frameRateToFps({ fpsNum: 25, fpsDen: 1 })).toBe(25);
  });
});

describe('TimecodeError', () => {
  it('is an Error that names itself and keeps its code and cause', () => {
    const cause = new Error('ffprobe said 0/0');
    const error = new TimecodeError('INVALID_FRAME_RATE', 'no rate', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TimecodeError');
    expect(error.code).toBe('INVALID_FRAME_RATE');
    expect(error.message).toBe('no rate');
    expect(error.cause).toBe(cause);
  });
});
