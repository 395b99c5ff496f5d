import { TimecodeFormat, type FrameRate, type TimecodeParts } from './index';

// The reference is a label odometer, independent of the library's arithmetic: it ticks once per frame
// and, in drop-frame, skips the first labels of every minute that is not a multiple of ten.
// Plain loops and one assertion per rate keep 34 million frames within seconds.

const FIELD_LABELS = Array.from({ length: 120 }, (_, value) => String(value).padStart(2, '0'));

interface Counting {
  name: string;
  rate: FrameRate;
  dropFrame: boolean;
  nominal: number;
  droppedPerMinute: number;
  framesPerDay: number;
}

const NTSC_23_976 = { fpsNum: 24000, fpsDen: 1001 };
const NTSC_29_97 = { fpsNum: 30000, fpsDen: 1001 };
const NTSC_59_94 = { fpsNum: 60000, fpsDen: 1001 };

// Frames per day: non-drop is 86 400 × timebase; drop-frame is 24 × the published hour
// (107 892 frames at 29.97, 215 784 at 59.94).
const countings: Counting[] = [
  {
    name: '23.976',
    rate: NTSC_23_976,
    dropFrame: false,
    nominal: 24,
    droppedPerMinute: 0,
    framesPerDay: 2_073_600,
  },
  {
    name: '24',
    rate: { fpsNum: 24, fpsDen: 1 },
    dropFrame: false,
    nominal: 24,
    droppedPerMinute: 0,
    framesPerDay: 2_073_600,
  },
  {
    name: '25',
    rate: { fpsNum: 25, fpsDen: 1 },
    dropFrame: false,
    nominal: 25,
    droppedPerMinute: 0,
    framesPerDay: 2_160_000,
  },
  {
    name: '29.97 DF',
    rate: NTSC_29_97,
    dropFrame: true,
    nominal: 30,
    droppedPerMinute: 2,
    framesPerDay: 2_589_408,
  },
  {
    name: '29.97 NDF',
    rate: NTSC_29_97,
    dropFrame: false,
    nominal: 30,
    droppedPerMinute: 0,
    framesPerDay: 2_592_000,
  },
  {
    name: '30',
    rate: { fpsNum: 30, fpsDen: 1 },
    dropFrame: false,
    nominal: 30,
    droppedPerMinute: 0,
    framesPerDay: 2_592_000,
  },
  {
    name: '50',
    rate: { fpsNum: 50, fpsDen: 1 },
    dropFrame: false,
    nominal: 50,
    droppedPerMinute: 0,
    framesPerDay: 4_320_000,
  },
  {
    name: '59.94 DF',
    rate: NTSC_59_94,
    dropFrame: true,
    nominal: 60,
    droppedPerMinute: 4,
    framesPerDay: 5_178_816,
  },
  {
    name: '59.94 NDF',
    rate: NTSC_59_94,
    dropFrame: false,
    nominal: 60,
    droppedPerMinute: 0,
    framesPerDay: 5_184_000,
  },
  {
    name: '60',
    rate: { fpsNum: 60, fpsDen: 1 },
    dropFrame: false,
    nominal: 60,
    droppedPerMinute: 0,
    framesPerDay: 5_184_000,
  },
];

interface SweepResult {
  mismatches: string[];
  /** The odometer's label after the last frame: back at the start label after exactly one day. */
  end: TimecodeParts;
}

/** Checks format and parse for `frameCount` frames, the first displaying as `startLabel`. */
function sweep(
  counting: Counting,
  timecode: TimecodeFormat,
  startLabel: TimecodeParts,
  frameCount: number,
): SweepResult {
  const { nominal, droppedPerMinute } = counting;
  const separator = counting.dropFrame ? ';' : ':';
  const mismatches: string[] = [];
  let { hours, minutes, seconds, frames } = startLabel;
  let secondLabel =
    FIELD_LABELS[hours] + ':' + FIELD_LABELS[minutes] + ':' + FIELD_LABELS[seconds] + separator;
  for (let frame = 0; frame < frameCount; frame += 1) {
    const expected = secondLabel + FIELD_LABELS[frames];
    const formatted = timecode.format(frame);
    const parsed = timecode.parse(expected);
    if ((formatted !== expected || parsed !== frame) && mismatches.length < 10) {
      mismatches.push(
        `frame ${frame}: expected ${expected}, formatted ${formatted}, parsed back as ${parsed}`,
      );
    }
    frames += 1;
    if (frames === nominal) {
      frames = 0;
      seconds += 1;
      if (seconds === 60) {
        seconds = 0;
        minutes += 1;
        if (minutes === 60) {
          minutes = 0;
          hours = (hours + 1) % 24;
        }
        if (minutes % 10 !== 0) {
          frames = droppedPerMinute;
        }
      }
      secondLabel =
        FIELD_LABELS[hours] + ':' + FIELD_LABELS[minutes] + ':' + FIELD_LABELS[seconds] + separator;
    }
  }
  return { mismatches, end: { hours, minutes, seconds, frames } };
}

const MIDNIGHT = { hours: 0, minutes: 0, seconds: 0, frames: 0 };

describe('every frame of a 24-hour day round-trips through timecode', () => {
  it.each(countings)('at $name', (counting) => {
    const timecode = new TimecodeFormat({ rate: counting.rate, dropFrame: counting.dropFrame });

    const { mismatches, end } = sweep(counting, timecode, MIDNIGHT, counting.framesPerDay);

    expect(mismatches).toEqual([]);
    expect(end).toEqual(MIDNIGHT);
    expect(timecode.framesPerDay).toBe(counting.framesPerDay);
    expect(timecode.format(counting.framesPerDay)).toBe(counting.dropFrame ? '00:00:00;00' : '00:00:00:00');
  });
});

describe('a source whose start timecode runs through midnight counts on into the next day', () => {
  it.each([
    {
      counting: countings[3],
      startTimecode: '23:30:00;00',
      startLabel: { hours: 23, minutes: 30, seconds: 0, frames: 0 },
    },
    {
      counting: countings[7],
      startTimecode: '23:55:00;04',
      startLabel: { hours: 23, minutes: 55, seconds: 0, frames: 4 },
    },
    {
      counting: countings[0],
      startTimecode: '23:59:00:00',
      startLabel: { hours: 23, minutes: 59, seconds: 0, frames: 0 },
    },
  ])('at $counting.name from $startTimecode, for an hour', ({ counting, startTimecode, startLabel }) => {
    const options = { rate: counting.rate, dropFrame: counting.dropFrame };
    const startFrame = new TimecodeFormat(options).parse(startTimecode);
    const timecode = new TimecodeFormat({ ...options, startFrame });

    const { mismatches } = sweep(counting, timecode, startLabel, counting.nominal * 3600);

    expect(mismatches).toEqual([]);
  });
});
