import { TimecodeFormat, type FrameRate } from './index';

// An independent model of a timecode generator: a label odometer that ticks once per frame and,
// in drop-frame, skips the first labels of every minute not divisible by ten.
const TWO_DIGITS = Array.from({ length: 120 }, (_, value) => String(value).padStart(2, '0'));

interface Sweep {
  name: string;
  rate: FrameRate;
  dropFrame: boolean;
  nominal: number;
  droppedPerMinute: number;
  framesPerDay: number;
}

const sweeps: Sweep[] = [
  {
    name: '23.976',
    rate: { fpsNum: 24000, fpsDen: 1001 },
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
    rate: { fpsNum: 30000, fpsDen: 1001 },
    dropFrame: true,
    nominal: 30,
    droppedPerMinute: 2,
    framesPerDay: 2_589_408,
  },
  {
    name: '29.97 NDF',
    rate: { fpsNum: 30000, fpsDen: 1001 },
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
    rate: { fpsNum: 60000, fpsDen: 1001 },
    dropFrame: true,
    nominal: 60,
    droppedPerMinute: 4,
    framesPerDay: 5_178_816,
  },
  {
    name: '59.94 NDF',
    rate: { fpsNum: 60000, fpsDen: 1001 },
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

/** Walks every frame of one day; returns the first mismatches and how many frames the day had. */
function sweepOneDay(sweep: Sweep): { mismatches: string[]; frameCount: number } {
  const timecode = new TimecodeFormat({ rate: sweep.rate, dropFrame: sweep.dropFrame });
  const separator = sweep.dropFrame ? ';' : ':';
  const mismatches: string[] = [];
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  let frames = 0;
  let frame = 0;
  do {
    const expected =
      TWO_DIGITS[hours] +
      ':' +
      TWO_DIGITS[minutes] +
      ':' +
      TWO_DIGITS[seconds] +
      separator +
      TWO_DIGITS[frames];
    const formatted = timecode.format(frame);
    const parsed = timecode.parse(expected);
    if ((formatted !== expected || parsed !== frame) && mismatches.length < 10) {
      mismatches.push(`frame ${frame}: expected ${expected}, formatted ${formatted}, parsed back ${parsed}`);
    }
    frame += 1;
    frames += 1;
    if (frames === sweep.nominal) {
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
          frames = sweep.droppedPerMinute;
        }
      }
    }
  } while (hours !== 0 || minutes !== 0 || seconds !== 0 || frames !== 0);
  return { mismatches, frameCount: frame };
}

describe('every frame of a 24-hour day round-trips through timecode', () => {
  it.each(sweeps)('at $name', (sweep) => {
    const { mismatches, frameCount } = sweepOneDay(sweep);
    expect(mismatches).toEqual([]);
    expect(frameCount).toBe(sweep.framesPerDay);
    // The day wraps: the frame after the last label of the day is 00:00:00:00 again.
    expect(new TimecodeFormat(sweep).format(frameCount)).toMatch(/^00:00:00[:;]00$/);
  });
});
