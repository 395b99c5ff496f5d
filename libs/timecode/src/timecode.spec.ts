import {
  frameToTimecode,
  framesPer24Hours,
  isDropFrameTimecode,
  parseStartTimecode,
  TimecodeError,
  TimecodeFormat,
  timecodeToFrame,
  type TimecodeErrorCode,
} from './index';

const NTSC_23_976 = { fpsNum: 24000, fpsDen: 1001 };
const NTSC_29_97 = { fpsNum: 30000, fpsDen: 1001 };
const NTSC_59_94 = { fpsNum: 60000, fpsDen: 1001 };
const NTSC_119_88 = { fpsNum: 120000, fpsDen: 1001 };
const PAL_25 = { fpsNum: 25, fpsDen: 1 };

const DF_29_97 = { rate: NTSC_29_97, dropFrame: true };
const NDF_29_97 = { rate: NTSC_29_97, dropFrame: false };
const DF_59_94 = { rate: NTSC_59_94, dropFrame: true };
const DF_119_88 = { rate: NTSC_119_88, dropFrame: true };

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

describe('drop-frame timecode matches the published SMPTE values', () => {
  it.each([
    [0, '00:00:00;00'],
    [29, '00:00:00;29'],
    [30, '00:00:01;00'],
    [1799, '00:00:59;29'],
    [1800, '00:01:00;02'],
    [3597, '00:01:59;29'],
    [3598, '00:02:00;02'],
    [17_981, '00:09:59;29'],
    [17_982, '00:10:00;00'],
    [17_983, '00:10:00;01'],
    [19_781, '00:10:59;29'],
    [19_782, '00:11:00;02'],
    [107_891, '00:59:59;29'],
    [107_892, '01:00:00;00'],
    [1_078_920, '10:00:00;00'],
    [2_589_407, '23:59:59;29'],
    [2_589_408, '00:00:00;00'],
  ])('at 29.97, frame %p is %s', (frame, timecode) => {
    expect(frameToTimecode(frame, DF_29_97)).toBe(timecode);
    expect(timecodeToFrame(timecode, DF_29_97)).toBe(frame % 2_589_408);
  });

  it.each([
    [3599, '00:00:59;59'],
    [3600, '00:01:00;04'],
    [35_964, '00:10:00;00'],
    [215_783, '00:59:59;59'],
    [215_784, '01:00:00;00'],
  ])('at 59.94, frame %p is %s', (frame, timecode) => {
    expect(frameToTimecode(frame, DF_59_94)).toBe(timecode);
    expect(timecodeToFrame(timecode, DF_59_94)).toBe(frame);
  });

  it.each([
    [7199, '00:00:59;119'],
    [7200, '00:01:00;008'],
    [71_928, '00:10:00;000'],
    [431_568, '01:00:00;000'],
  ])('at 119.88, frame %p is %s', (frame, timecode) => {
    expect(frameToTimecode(frame, DF_119_88)).toBe(timecode);
    expect(timecodeToFrame(timecode, DF_119_88)).toBe(frame);
  });

  it('one hour is 107 892 frames at 29.97 and 215 784 at 59.94', () => {
    expect(timecodeToFrame('01:00:00;00', DF_29_97)).toBe(107_892);
    expect(timecodeToFrame('01:00:00;00', DF_59_94)).toBe(215_784);
    expect(framesPer24Hours(NTSC_29_97, true)).toBe(24 * 107_892);
    expect(framesPer24Hours(NTSC_59_94, true)).toBe(24 * 215_784);
  });
});

describe('non-drop timecode counts every label', () => {
  it.each([
    ['29.97 NDF', NDF_29_97, 1800, '00:01:00:00'],
    ['29.97 NDF', NDF_29_97, 107_892, '00:59:56:12'],
    ['23.976', { rate: NTSC_23_976, dropFrame: false }, 86_400, '01:00:00:00'],
    ['24', { rate: { fpsNum: 24, fpsDen: 1 }, dropFrame: false }, 2_073_599, '23:59:59:23'],
    ['25', { rate: PAL_25, dropFrame: false }, 90_000, '01:00:00:00'],
    ['25', { rate: PAL_25, dropFrame: false }, 2_160_000, '00:00:00:00'],
    ['48', { rate: { fpsNum: 48, fpsDen: 1 }, dropFrame: false }, 47, '00:00:00:47'],
    ['50', { rate: { fpsNum: 50, fpsDen: 1 }, dropFrame: false }, 3049, '00:01:00:49'],
    ['120', { rate: { fpsNum: 120, fpsDen: 1 }, dropFrame: false }, 125, '00:00:01:005'],
    ['119.88 NDF', { rate: NTSC_119_88, dropFrame: false }, 431_568, '00:59:56:048'],
  ])('at %s, frame %p is %s', (_name, options, frame, timecode) => {
    expect(frameToTimecode(frame, options)).toBe(timecode);
  });

  it('wraps at 24 hours', () => {
    expect(framesPer24Hours(PAL_25, false)).toBe(2_160_000);
    expect(framesPer24Hours(NTSC_23_976, false)).toBe(2_073_600);
  });
});

describe('a version whose source starts at a timecode', () => {
  it('shows frame 0 as the start timecode', () => {
    const startFrame = parseStartTimecode('01:00:00;00', DF_29_97);
    expect(startFrame).toBe(107_892);
    expect(frameToTimecode(0, { ...DF_29_97, startFrame })).toBe('01:00:00;00');
    expect(frameToTimecode(1800, { ...DF_29_97, startFrame })).toBe('01:01:00;02');
    expect(timecodeToFrame('01:00:00;00', { ...DF_29_97, startFrame })).toBe(0);
    expect(timecodeToFrame('01:01:00;02', { ...DF_29_97, startFrame })).toBe(1800);
  });

  it('offsets non-drop timecode too', () => {
    const options = { rate: NTSC_23_976, dropFrame: false };
    const startFrame = parseStartTimecode('10:00:00:00', options);
    expect(startFrame).toBe(864_000);
    expect(frameToTimecode(0, { ...options, startFrame })).toBe('10:00:00:00');
    expect(frameToTimecode(25, { ...options, startFrame })).toBe('10:00:01:01');
    expect(timecodeToFrame('10:00:01:01', { ...options, startFrame })).toBe(25);
  });

  it('crosses midnight into the next day', () => {
    const options = { rate: PAL_25, dropFrame: false };
    const startFrame = parseStartTimecode('23:59:00:00', options);
    expect(frameToTimecode(60 * 25, { ...options, startFrame })).toBe('00:00:00:00');
    expect(timecodeToFrame('00:00:30:00', { ...options, startFrame })).toBe(90 * 25);
  });

  it('starts at 0 when the source has no start timecode', () => {
    expect(parseStartTimecode(undefined, DF_29_97)).toBe(0);
    expect(parseStartTimecode(null, DF_29_97)).toBe(0);
    expect(parseStartTimecode('  ', DF_29_97)).toBe(0);
  });

  it('rejects a start timecode that drop-frame skips', () => {
    expect(errorCodeOf(() => parseStartTimecode('00:01:00;00', DF_29_97))).toBe('DROPPED_TIMECODE');
  });

  it.each([-1, 1.5, NaN])('rejects %p as a start frame', (startFrame) => {
    expect(errorCodeOf(() => frameToTimecode(0, { ...DF_29_97, startFrame }))).toBe('INVALID_FRAME');
    expect(errorCodeOf(() => timecodeToFrame('00:00:00;00', { ...DF_29_97, startFrame }))).toBe(
      'INVALID_FRAME',
    );
  });
});

describe('reading a timecode someone typed', () => {
  it.each([
    ['01:00:00;00', 107_892],
    ['01:00:00:00', 107_892],
    ['01:00:00.00', 107_892],
    ['01;00;00;00', 107_892],
    ['01.00.00.00', 107_892],
    ['1:00:00;00', 107_892],
    ['  01:00:00;00  ', 107_892],
    ['00:10:00;000', 17_982],
  ])('reads %p in 29.97 drop-frame as frame %p', (text, frame) => {
    expect(timecodeToFrame(text, DF_29_97)).toBe(frame);
  });

  it('reads a drop-frame separator in non-drop timecode by the version’s counting', () => {
    expect(timecodeToFrame('00:01:00;00', NDF_29_97)).toBe(1800);
  });

  it.each([
    '',
    '01:00:00',
    '01:00:00:00:00',
    '001:00:00:00',
    '01:0:00:00',
    '01:00:0:00',
    '01:00:00:0',
    '01:00:00:0000',
    '01-00-00-00',
    '01::00:00',
    ':01:00:00:00',
    '01:00:00:00:',
    'aa:bb:cc:dd',
    '+1:00:00:00',
    '01:00:00:00 extra',
    '01 :00:00:00',
  ])('rejects %p as malformed', (text) => {
    expect(errorCodeOf(() => timecodeToFrame(text, DF_29_97))).toBe('MALFORMED_TIMECODE');
  });

  it.each([
    ['24:00:00:00', PAL_25],
    ['99:00:00:00', PAL_25],
    ['00:60:00:00', PAL_25],
    ['00:00:60:00', PAL_25],
    ['00:00:00:25', PAL_25],
    ['00:00:00:30', NTSC_29_97],
    ['00:00:00:24', NTSC_23_976],
    ['00:00:00:120', NTSC_119_88],
  ])('rejects %p at %p as out of range', (text, rate) => {
    expect(errorCodeOf(() => timecodeToFrame(text, { rate, dropFrame: false }))).toBe(
      'TIMECODE_OUT_OF_RANGE',
    );
  });

  it('names the field that is out of range', () => {
    expect(() => timecodeToFrame('00:00:00:25', { rate: PAL_25, dropFrame: false })).toThrow(
      '"00:00:00:25" is not a timecode at 25 fps: frames must be 0 to 24, not 25',
    );
  });

  it.each([
    ['00:01:00;00', DF_29_97],
    ['00:01:00;01', DF_29_97],
    ['00:09:00;01', DF_29_97],
    ['23:59:00;00', DF_29_97],
    ['00:01:00;03', DF_59_94],
    ['00:01:00;007', DF_119_88],
  ])('rejects %p, a label drop-frame skips', (text, options) => {
    expect(errorCodeOf(() => timecodeToFrame(text, options))).toBe('DROPPED_TIMECODE');
  });

  it.each([
    ['00:01:00;02', DF_29_97, 1800],
    ['00:10:00;00', DF_29_97, 17_982],
    ['00:10:00;01', DF_29_97, 17_983],
    ['00:01:01;00', DF_29_97, 1828],
    ['00:01:00;04', DF_59_94, 3600],
  ])('accepts %p, a label drop-frame keeps', (text, options, frame) => {
    expect(timecodeToFrame(text, options)).toBe(frame);
  });

  it('explains a skipped label and names the first label of that minute', () => {
    expect(() => timecodeToFrame('00:01:00;00', DF_29_97)).toThrow(
      '"00:01:00;00" does not exist in drop-frame timecode: frames 00-01 are skipped at the start of every ' +
        'minute except each tenth, so this minute starts at 00:01:00;02',
    );
  });
});

describe('drop-frame at a rate that has none', () => {
  it.each([
    ['23.976', NTSC_23_976],
    ['25', PAL_25],
    ['30', { fpsNum: 30, fpsDen: 1 }],
  ])('is refused at %s', (_name, rate) => {
    expect(errorCodeOf(() => frameToTimecode(0, { rate, dropFrame: true }))).toBe('DROP_FRAME_NOT_ALLOWED');
    expect(errorCodeOf(() => timecodeToFrame('00:00:00;00', { rate, dropFrame: true }))).toBe(
      'DROP_FRAME_NOT_ALLOWED',
    );
  });
});

describe('frames that are not frame indices', () => {
  it.each([-1, 0.5, NaN, Infinity])('rejects %p', (frame) => {
    expect(errorCodeOf(() => frameToTimecode(frame, DF_29_97))).toBe('INVALID_FRAME');
  });
});

describe('TimecodeFormat', () => {
  it('splits a frame into its label fields and joins them back', () => {
    const timecode = new TimecodeFormat({ ...DF_29_97, startFrame: 107_892 });
    expect(timecode.toParts(1800)).toEqual({ hours: 1, minutes: 1, seconds: 0, frames: 2 });
    expect(timecode.fromParts({ hours: 1, minutes: 1, seconds: 0, frames: 2 })).toBe(1800);
    expect(errorCodeOf(() => timecode.fromParts({ hours: 1, minutes: 1, seconds: 0, frames: 0 }))).toBe(
      'DROPPED_TIMECODE',
    );
    expect(errorCodeOf(() => timecode.fromParts({ hours: 1, minutes: 1.5, seconds: 0, frames: 2 }))).toBe(
      'TIMECODE_OUT_OF_RANGE',
    );
  });

  it('describes its counting', () => {
    const timecode = new TimecodeFormat(DF_59_94);
    expect(timecode.nominal).toBe(60);
    expect(timecode.droppedPerMinute).toBe(4);
    expect(timecode.framesPerDay).toBe(5_178_816);
  });
});

describe('telling drop-frame labels apart, as ffprobe writes them', () => {
  it.each([
    ['01:00:00;00', true],
    ['01:00:00.00', true],
    ['01:00:00;000', true],
    ['01:00:00:00', false],
    ['', false],
  ])('%p is drop-frame style: %p', (text, dropFrame) => {
    expect(isDropFrameTimecode(text)).toBe(dropFrame);
  });
});
