import { chooseConstantRate, ConstantRateChoice, FrameTimes } from './frame-rate-choice';
import { Rational } from './rational';

/** A deterministic pseudo-random sequence in [0, 1): the same jitter on every run. */
function jitterSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Frames at `seconds`, stored in `timeBase` (each time rounded to a tick, as a muxer does). */
function framesAt(seconds: number[], timeBase: Rational, lastFrameSeconds: number | null = null): FrameTimes {
  const tick = (value: number) => Math.round((value * timeBase.den) / timeBase.num);
  return {
    timeBase,
    pts: seconds.map(tick),
    lastFrameDuration: lastFrameSeconds === null ? null : tick(lastFrameSeconds),
  };
}

/** The source frames a constant-rate timeline shows, and where: what ffmpeg's fps filter (round=near) does. */
function shownAt(times: FrameTimes, choice: ConstantRateChoice): Map<number, number> {
  const seconds = [...times.pts]
    .sort((a, b) => a - b)
    .map((pts) => (pts * times.timeBase.num) / times.timeBase.den);
  const fps = choice.rate.num / choice.rate.den;
  const slots = new Map<number, number>();
  seconds.forEach((time, index) => {
    const slot = Math.floor((time - seconds[0]) * fps + 0.5);
    for (const [other, otherSlot] of slots) if (otherSlot === slot) slots.delete(other);
    slots.set(index, slot);
  });
  return slots;
}

/** Every source frame is shown, at its own time within half a frame of the chosen rate. */
function expectEveryFrameAtItsTime(times: FrameTimes, choice: ConstantRateChoice): void {
  const seconds = [...times.pts]
    .sort((a, b) => a - b)
    .map((pts) => (pts * times.timeBase.num) / times.timeBase.den);
  const fps = choice.rate.num / choice.rate.den;
  const slots = shownAt(times, choice);
  expect(slots.size).toBe(seconds.length);
  for (const [index, slot] of slots) {
    expect(Math.abs(slot / fps - (seconds[index] - seconds[0]))).toBeLessThanOrEqual(0.5 / fps + 1e-9);
    expect(slot).toBeLessThan(choice.frameCount);
  }
}

const ms = { num: 1, den: 1000 };
const mp4At30 = { num: 1, den: 15360 };
const thirty = { num: 30, den: 1 };

describe('chooseConstantRate', () => {
  it('a 30 fps recording with frames dropped irregularly is conformed to 30, every frame kept', () => {
    // 140 of 180 frames over 6 s (23.3 fps on average): the clip.
    const random = jitterSource(7);
    const kept = Array.from({ length: 180 }, (_, index) => index).filter(
      (index) => index === 0 || index === 179 || random() > 0.22,
    );
    const times = framesAt(
      kept.map((index) => index / 30),
      mp4At30,
      1 / 30,
    );
    const choice = chooseConstantRate(times, { declaredRate: thirty })!;
    expect(choice).toMatchObject({
      rate: thirty,
      variable: true,
      frameCount: 180,
      sourceFrames: kept.length,
      lostFrames: 0,
    });
    expect(choice.sourceAverageFps).toBeCloseTo((kept.length / 180) * 30, 6);
    expectEveryFrameAtItsTime(times, choice);
  });

  it('a long static gap is held until the next frame, at 30', () => {
    const kept = [
      ...Array.from({ length: 30 }, (_, i) => i),
      ...Array.from({ length: 30 }, (_, i) => 150 + i),
    ];
    const times = framesAt(
      kept.map((index) => index / 30),
      mp4At30,
      1 / 30,
    );
    const choice = chooseConstantRate(times, { declaredRate: thirty })!;
    expect(choice).toMatchObject({ rate: thirty, variable: true, frameCount: 180, lostFrames: 0 });
    expectEveryFrameAtItsTime(times, choice);
  });

  it.each([
    [30, { num: 30, den: 1 }],
    [60, { num: 60, den: 1 }],
    [30000 / 1001, { num: 30000, den: 1001 }],
  ])('phone-like jitter around %d fps keeps the phone rate', (nominal, expected) => {
    // Capture times a few milliseconds off the sensor's grid, stored in a 1/600 time base.
    const random = jitterSource(11);
    const period = 1 / nominal;
    const seconds = Array.from(
      { length: 900 },
      (_, index) => index * period + (random() - 0.5) * 0.3 * period,
    );
    seconds[0] = 0;
    const times = framesAt(seconds, { num: 1, den: 600 }, period);
    const choice = chooseConstantRate(times, { declaredRate: { num: 600, den: 1 } })!;
    expect(choice.rate).toEqual(expected);
    expect(choice.variable).toBe(true);
    expect(choice.frameCount).toBe(900);
    expectEveryFrameAtItsTime(times, choice);
  });

  it('phone-like jitter with dropped frames (a dark scene at 30) stays at 30', () => {
    const random = jitterSource(3);
    const seconds: number[] = [];
    for (let index = 0; index < 600; index += 1) {
      if (index > 0 && index % 7 < 3 && random() < 0.6) continue;
      seconds.push(index / 30 + (random() - 0.5) * 0.008);
    }
    const times = framesAt(seconds, { num: 1, den: 90000 }, 1 / 30);
    const choice = chooseConstantRate(times, { declaredRate: { num: 90000, den: 1 } })!;
    expect(choice).toMatchObject({ rate: thirty, variable: true, lostFrames: 0 });
    expectEveryFrameAtItsTime(times, choice);
  });

  it('a screen recording idling at 1 fps with bursts at 60 is conformed to 60, every burst frame kept', () => {
    const seconds: number[] = [];
    for (let second = 0; second < 20; second += 1) {
      if (second % 5 === 2) {
        for (let frame = 0; frame < 60; frame += 1) seconds.push(second + frame / 60);
      } else {
        seconds.push(second);
      }
    }
    const times = framesAt(seconds, ms, 1);
    const choice = chooseConstantRate(times, { declaredRate: { num: 1000, den: 1 } })!;
    expect(choice).toMatchObject({ rate: { num: 60, den: 1 }, variable: true, lostFrames: 0 });
    expect(choice.frameCount).toBe(20 * 60);
    expectEveryFrameAtItsTime(times, choice);
  });

  it('a rare short burst in a long idle recording still sets the rate', () => {
    const seconds = Array.from({ length: 600 }, (_, second) => second);
    for (let frame = 1; frame < 12; frame += 1) seconds.push(300 + frame / 60);
    const choice = chooseConstantRate(framesAt(seconds, ms, 1), { declaredRate: null })!;
    expect(choice.rate).toEqual({ num: 60, den: 1 });
    expect(choice.lostFrames).toBe(0);
  });

  it('jittery durations in a 1/1000 time base (Matroska, WebM) conform to the nominal rate', () => {
    // Durations of 30–37 ms around 33.3 ms, frames dropped now and then: timestamps in whole milliseconds.
    const random = jitterSource(5);
    const seconds: number[] = [];
    for (let index = 0; index < 450; index += 1) {
      if (index > 0 && random() < 0.1) continue;
      seconds.push(index / 30 + (random() - 0.5) * 0.004);
    }
    seconds[0] = 0;
    const times = framesAt(seconds, ms, null);
    const choice = chooseConstantRate(times, { declaredRate: { num: 1000, den: 1 } })!;
    expect(choice).toMatchObject({ rate: thirty, variable: true, lostFrames: 0 });
    expectEveryFrameAtItsTime(times, choice);
  });

  it('29.97 with dropped frames in whole milliseconds stays 29.97 (not 30)', () => {
    const kept = Array.from({ length: 2000 }, (_, index) => index).filter((index) => index % 9 !== 4);
    const times = framesAt(
      kept.map((index) => (index * 1001) / 30000),
      ms,
      null,
    );
    const choice = chooseConstantRate(times, { declaredRate: null })!;
    expect(choice.rate).toEqual({ num: 30000, den: 1001 });
    expectEveryFrameAtItsTime(times, choice);
  });

  it('a true constant-rate source flagged variable stays as it is, frame for frame', () => {
    const times = framesAt(
      Array.from({ length: 100 }, (_, index) => index / 25),
      { num: 1, den: 12800 },
      1 / 25,
    );
    expect(chooseConstantRate(times, { declaredRate: { num: 25, den: 1 } })).toEqual({
      rate: { num: 25, den: 1 },
      variable: false,
      frameCount: 100,
      sourceFrames: 100,
      lostFrames: 0,
      sourceAverageFps: 25,
    });
  });

  it('evenly spaced frames at a rate ffprobe declared wrong (a field rate) keep their own spacing', () => {
    const times = framesAt(
      Array.from({ length: 60 }, (_, index) => (index * 1001) / 30000),
      { num: 1, den: 30000 },
      1001 / 30000,
    );
    const choice = chooseConstantRate(times, { declaredRate: { num: 60000, den: 1001 } })!;
    expect(choice).toMatchObject({ rate: { num: 30000, den: 1001 }, variable: false, frameCount: 60 });
  });

  it('29.97 stored in whole milliseconds (33/34 ms) is constant-rate, not variable', () => {
    const times = framesAt(
      Array.from({ length: 300 }, (_, index) => (index * 1001) / 30000),
      ms,
      null,
    );
    const choice = chooseConstantRate(times, { declaredRate: null })!;
    expect(choice).toMatchObject({ rate: { num: 30000, den: 1001 }, variable: false, frameCount: 300 });
  });

  it('an even non-standard rate (a 15 fps screen recording) keeps it', () => {
    const times = framesAt(
      Array.from({ length: 45 }, (_, index) => index / 15),
      ms,
      1 / 15,
    );
    expect(chooseConstantRate(times, { declaredRate: null })).toMatchObject({
      rate: { num: 15, den: 1 },
      variable: false,
      frameCount: 45,
    });
  });

  it('a variable 15 fps source goes to 30, where each frame sits exactly on the grid', () => {
    const kept = Array.from({ length: 150 }, (_, index) => index).filter((index) => index % 4 !== 2);
    const times = framesAt(
      kept.map((index) => index / 15),
      ms,
      1 / 15,
    );
    const choice = chooseConstantRate(times, { declaredRate: { num: 15, den: 1 } })!;
    expect(choice).toMatchObject({ rate: thirty, variable: true, frameCount: 300, lostFrames: 0 });
    expectEveryFrameAtItsTime(times, choice);
  });

  it('the last frame is held for its own duration', () => {
    const seconds = [...Array.from({ length: 30 }, (_, index) => index / 30), 35 / 30];
    const times = framesAt(seconds, mp4At30, 2);
    const choice = chooseConstantRate(times, { declaredRate: thirty })!;
    expect(choice).toMatchObject({ rate: thirty, variable: true, frameCount: 35 + 60 });
  });

  it('capped at 120: frames closer than that lose the fewest possible', () => {
    const times = framesAt(
      Array.from({ length: 480 }, (_, index) => index / 240 + (index % 5 === 0 ? 0.0005 : 0)),
      { num: 1, den: 48000 },
      1 / 240,
    );
    const choice = chooseConstantRate(times, { declaredRate: null })!;
    expect(choice.rate.num / choice.rate.den).toBeCloseTo(120, 0);
    expect(choice.lostFrames).toBe(240);
  });

  it('a stray frame a millisecond after another does not push a long clip to 120 fps', () => {
    const seconds = Array.from({ length: 3000 }, (_, index) => index / 30).filter(
      (_, index) => index % 11 !== 3,
    );
    seconds.push(1000 / 30 + 0.001);
    const choice = chooseConstantRate(framesAt(seconds, ms, null), { declaredRate: null })!;
    expect(choice.rate).toEqual(thirty);
    expect(choice.lostFrames).toBe(1);
  });

  it('reads packets in decode order (B-frames): presentation order is by timestamp', () => {
    const times: FrameTimes = {
      timeBase: mp4At30,
      pts: [0, 1536, 512, 1024, 3072, 2048],
      lastFrameDuration: 512,
    };
    expect(chooseConstantRate(times, { declaredRate: thirty })).toMatchObject({
      rate: thirty,
      variable: true,
      frameCount: 7,
      sourceFrames: 6,
    });
  });

  it('a single frame is one frame; no frames is no answer', () => {
    expect(
      chooseConstantRate({ timeBase: ms, pts: [40], lastFrameDuration: 40 }, { declaredRate: thirty }),
    ).toMatchObject({ rate: thirty, variable: false, frameCount: 1 });
    expect(
      chooseConstantRate({ timeBase: ms, pts: [], lastFrameDuration: null }, { declaredRate: null }),
    ).toBeNull();
  });

  it('counts slots exactly where ticks times rate pass 2^53 (a nanosecond time base, two hours)', () => {
    const nanoseconds = { num: 1, den: 1_000_000_000 };
    const seconds = [0, 1 / 30, 3 / 30, 7200 - 1 / 30, 7200];
    const choice = chooseConstantRate(framesAt(seconds, nanoseconds, 1 / 30), { declaredRate: null })!;
    expect(choice).toMatchObject({ rate: thirty, frameCount: 7200 * 30 + 1, lostFrames: 0 });
  });

  it('frames 1.25 and 0.75 of a 24 fps period long in turn stay at 24 (not 23.976), one for one', () => {
    const seconds = Array.from({ length: 60 }, (_, index) => (4 * index + (index % 2)) / 96);
    const times = framesAt(seconds, { num: 1, den: 12288 }, 1 / 32);
    const choice = chooseConstantRate(times, { declaredRate: { num: 96, den: 1 } })!;
    expect(choice).toMatchObject({
      rate: { num: 24, den: 1 },
      variable: true,
      frameCount: 60,
      lostFrames: 0,
    });
    expectEveryFrameAtItsTime(times, choice);
  });

  it('two frames five seconds apart are not a 0.2 fps video: held at 24', () => {
    const times = framesAt([0, 5], ms, 5);
    const choice = chooseConstantRate(times, { declaredRate: null })!;
    expect(choice).toMatchObject({ rate: { num: 24, den: 1 }, variable: true, frameCount: 240 });
    expectEveryFrameAtItsTime(times, choice);
  });

  it('a steady 1 fps time-lapse keeps 1 fps', () => {
    const times = framesAt(
      Array.from({ length: 20 }, (_, second) => second),
      ms,
      1,
    );
    expect(chooseConstantRate(times, { declaredRate: null })).toMatchObject({
      rate: { num: 1, den: 1 },
      variable: false,
      frameCount: 20,
    });
  });
});
