import { frameMidpointSeconds, frameToSeconds, type FrameRate } from '@cutroom/timecode';
import { FakeFrameClock, FakePlaybackSource, openFakeStream, presentationTime } from './fake-playback-source';
import { openingFrame, PlaybackEngine } from './playback-engine';
import { labelFrame, timebaseOf, type Timebase } from './timebase';

interface Clip {
  title: string;
  rate: FrameRate;
  dropFrame: boolean;
  /** Frames and the timecode a person reads for them (counted from 00:00:00:00). */
  labels: ReadonlyArray<readonly [number, string]>;
}

const clips: Clip[] = [
  {
    title: '23.976 fps',
    rate: { fpsNum: 24000, fpsDen: 1001 },
    dropFrame: false,
    labels: [
      [1439, '00:00:59:23'],
      [1440, '00:01:00:00'],
      [14385, '00:09:59:09'],
    ],
  },
  {
    title: '25 fps',
    rate: { fpsNum: 25, fpsDen: 1 },
    dropFrame: false,
    labels: [
      [1499, '00:00:59:24'],
      [1500, '00:01:00:00'],
    ],
  },
  {
    title: '29.97 fps drop-frame',
    rate: { fpsNum: 30000, fpsDen: 1001 },
    dropFrame: true,
    labels: [
      [1799, '00:00:59;29'],
      [1800, '00:01:00;02'],
      [17982, '00:10:00;00'],
    ],
  },
  {
    title: '59.94 fps drop-frame',
    rate: { fpsNum: 60000, fpsDen: 1001 },
    dropFrame: true,
    labels: [
      [3599, '00:00:59;59'],
      [3600, '00:01:00;04'],
      [35964, '00:10:00;00'],
    ],
  },
];

/** An eleven-minute clip, past the ten-minute mark where drop-frame counts every frame again. */
const MINUTES = 11;

function openClip(clip: Clip, options: { startFrame?: number; growing?: boolean } = {}) {
  const frameCount = Math.round((MINUTES * 60 * clip.rate.fpsNum) / clip.rate.fpsDen);
  const timebase: Timebase = timebaseOf({
    kind: 'video',
    fpsNum: clip.rate.fpsNum,
    fpsDen: clip.rate.fpsDen,
    frameCount,
    durationSeconds: null,
    width: 1920,
    height: 1080,
    startTimecode: null,
    dropFrame: clip.dropFrame,
    variableFrameRate: false,
  });
  const source = new FakePlaybackSource(clip.rate, frameCount);
  const clock = new FakeFrameClock();
  const engine = new PlaybackEngine<FakePlaybackSource>({ openStream: openFakeStream, clock });
  engine.attach(source);
  const version = {
    versionId: 'version-1',
    url: 'https://cutroom.test/master.m3u8',
    timebase,
    growing: options.growing ?? false,
  };
  engine.load(version, options.startFrame ?? 0);
  source.run();
  const frameMs = (1000 * clip.rate.fpsDen) / clip.rate.fpsNum;
  return {
    engine,
    source,
    clock,
    version,
    lastFrame: frameCount - 1,
    /** The timecode under the picture. */
    timecode: () => labelFrame(timebase, engine.currentFrame, 'timecode'),
    /** Shows `frame` and waits for it to land. */
    seek(frame: number) {
      engine.seekToFrame(frame);
      source.run();
    },
    /** The frames on screen over the next `count` frame intervals of playback. */
    watchPlayback(count: number): number[] {
      return Array.from({ length: count }, () => {
        source.playFrames(1);
        return engine.currentFrame;
      });
    },
    /** The frames on screen over the next `count` display refreshes, one frame's time apart. */
    watchRefreshes(count: number): number[] {
      return Array.from({ length: count }, () => {
        clock.tick(frameMs);
        source.run();
        return engine.currentFrame;
      });
    },
  };
}

function range(from: number, to: number, by = 1): number[] {
  const frames: number[] = [];
  for (let frame = from; by > 0 ? frame <= to : frame >= to; frame += by) frames.push(frame);
  return frames;
}

describe.each(clips)('the player at $title', (clip) => {
  it('opens on the start frame it was given', () => {
    const player = openClip(clip, { startFrame: 1000 });
    expect(player.engine.currentFrame).toBe(1000);
    expect(player.source.shownFrame).toBe(1000);
    expect(player.engine.getSnapshot().waiting).toBe(false);
  });

  it('opened further in, Home shows the first frame once it is loaded, not the first picture that was', () => {
    const player = openClip(clip, { startFrame: 40 });
    // The stream began loading at its first segment boundary before frame 40: frames 0–12 are not loaded.
    player.source.bufferedFrom = presentationTime(13, clip.rate);
    player.seek(0);
    // The browser lands the seek at once on the first picture it has: the seek is still owed.
    expect(player.source.shownFrame).toBe(13);
    expect(player.engine.playheadFrame).toBe(0);
    player.source.loadFrom(0);
    player.source.run();
    expect(player.source.shownFrame).toBe(0);
    expect(player.engine.currentFrame).toBe(0);
  });

  it('seeking to a frame shows that frame and its timecode, with the element at the middle of it', () => {
    const player = openClip(clip);
    for (const [frame, timecode] of clip.labels) {
      player.seek(frame);
      expect(player.engine.currentFrame).toBe(frame);
      expect(player.source.shownFrame).toBe(frame);
      expect(player.source.currentTime).toBe(frameMidpointSeconds(frame, clip.rate));
      expect(player.timecode()).toBe(timecode);
    }
  });

  it('stepping forward then back shows every frame of the first minutes in turn, each with its own timecode', () => {
    const player = openClip(clip);
    const last = clip.labels[1][0] + 120;
    const shown: number[] = [];
    const timecodes = new Set<string>();
    for (let frame = 1; frame <= last; frame += 1) {
      player.engine.step(1);
      player.source.run();
      shown.push(player.engine.currentFrame);
      timecodes.add(player.timecode());
    }
    expect(shown).toEqual(range(1, last));
    expect(timecodes.size).toBe(last);
    const back: number[] = [];
    for (let frame = last - 1; frame >= 0; frame -= 1) {
      player.engine.step(-1);
      player.source.run();
      back.push(player.engine.currentFrame);
    }
    expect(back).toEqual(range(last - 1, 0, -1));
  });

  it('steps pressed faster than the picture follows add up', () => {
    const player = openClip(clip);
    player.seek(100);
    player.engine.step(1);
    player.engine.step(1);
    player.engine.step(1);
    player.source.run();
    expect(player.engine.currentFrame).toBe(103);
    player.engine.step(-5);
    player.engine.step(1);
    player.source.run();
    expect(player.engine.currentFrame).toBe(99);
  });

  it('a key pressed before the stepped frame is drawn acts on that frame; while playing, on the frame shown', () => {
    const player = openClip(clip);
    player.seek(100);
    player.engine.step(1);
    const marked = [player.engine.playheadFrame];
    player.engine.step(1);
    player.engine.step(1);
    player.engine.step(1);
    marked.push(player.engine.playheadFrame);
    expect(player.engine.currentFrame).toBe(100);
    expect(marked).toEqual([101, 104]);
    player.source.run();
    expect(player.engine.playheadFrame).toBe(104);
    player.engine.play();
    player.watchPlayback(3);
    expect(player.engine.playheadFrame).toBe(player.engine.currentFrame);
    expect(player.engine.playheadFrame).toBe(107);
  });

  it('while a loop jumps back, a key press still acts on the frame on screen', () => {
    const player = openClip(clip, { startFrame: 10 });
    player.engine.setLoop({ from: 10, to: 14 });
    player.engine.play();
    const shown: number[] = [];
    for (let frame = 0; frame < 8; frame += 1) {
      player.source.playFrames(1);
      shown.push(player.engine.currentFrame);
      expect(player.engine.playheadFrame).toBe(player.engine.currentFrame);
    }
    expect(shown).toContain(14);
    expect(Math.max(...shown)).toBeLessThanOrEqual(15);
  });

  it('stepping stops at the first and the last frame', () => {
    const player = openClip(clip);
    player.engine.step(-1);
    player.source.run();
    expect(player.engine.currentFrame).toBe(0);
    player.seek(Number.MAX_SAFE_INTEGER);
    expect(player.engine.currentFrame).toBe(player.lastFrame);
    player.engine.step(1);
    player.source.run();
    expect(player.engine.currentFrame).toBe(player.lastFrame);
  });

  it('playing shows each frame in order, read from the presented frame', () => {
    const player = openClip(clip, { startFrame: clip.labels[0][0] - 5 });
    player.engine.play();
    expect(player.watchPlayback(10)).toEqual(range(clip.labels[0][0] - 4, clip.labels[0][0] + 5));
    expect(player.engine.getSnapshot().playing).toBe(true);
  });

  it('stepping while playing pauses on the frame next to the one on screen', () => {
    const player = openClip(clip, { startFrame: 10 });
    player.engine.play();
    player.watchPlayback(5);
    expect(player.engine.currentFrame).toBe(15);
    player.engine.step(1);
    player.source.run();
    expect(player.engine.currentFrame).toBe(16);
    expect(player.engine.getSnapshot().playing).toBe(false);
    expect(player.watchPlayback(3)).toEqual([16, 16, 16]);
  });

  it("the frame on screen is the presented one while the element's clock runs ahead, and pausing stays on it", () => {
    const player = openClip(clip, { startFrame: 10 });
    player.source.clockLeadFrames = 1.5;
    player.engine.play();
    expect(player.watchPlayback(5)).toEqual([11, 12, 13, 14, 15]);
    player.engine.pause();
    player.source.run();
    expect(player.engine.currentFrame).toBe(15);
    expect(player.source.shownFrame).toBe(15);
    expect(player.source.currentTime).toBe(frameMidpointSeconds(15, clip.rate));
  });

  it('a loop from in to out plays every frame of it, then wraps to the in frame exactly', () => {
    const player = openClip(clip, { startFrame: 10 });
    player.engine.setLoop({ from: 48, to: 52 });
    player.engine.play();
    expect(player.watchPlayback(13)).toEqual([48, 49, 50, 51, 52, 48, 49, 50, 51, 52, 48, 49, 50]);
  });

  it('a loop of one frame holds that frame', () => {
    const player = openClip(clip);
    player.engine.setLoop({ from: 30, to: 30 });
    player.engine.play();
    expect(player.watchPlayback(6)).toEqual([30, 30, 30, 30, 30, 30]);
  });

  it('a loop ending on the last frame wraps there, never running off the end', () => {
    const player = openClip(clip);
    const { lastFrame } = player;
    player.engine.setLoop({ from: lastFrame - 2, to: lastFrame });
    player.engine.play();
    const frames = [lastFrame - 2, lastFrame - 1, lastFrame];
    expect(player.watchPlayback(9)).toEqual([...frames, ...frames, ...frames]);
    expect(player.engine.getSnapshot().playing).toBe(true);
  });

  it('playing to the end stops on the last frame; playing again starts from the first', () => {
    const player = openClip(clip);
    player.seek(player.lastFrame - 2);
    player.engine.play();
    expect(player.watchPlayback(3)).toEqual([player.lastFrame - 1, player.lastFrame, player.lastFrame]);
    player.source.run();
    expect(player.engine.currentFrame).toBe(player.lastFrame);
    expect(player.engine.getSnapshot().playing).toBe(false);
    player.engine.play();
    expect(player.watchPlayback(3)).toEqual([0, 1, 2]);
  });

  it('J walks backward one frame per frame of real time, two at 2×, four at 4×', () => {
    const player = openClip(clip, { startFrame: 1000 });
    player.engine.shuttle(-1);
    expect(player.engine.getSnapshot().shuttle).toBe(-1);
    expect(player.watchRefreshes(6)).toEqual(range(999, 994, -1));
    player.engine.shuttle(-1);
    expect(player.engine.getSnapshot().shuttle).toBe(-2);
    expect(player.watchRefreshes(4)).toEqual([992, 990, 988, 986]);
    player.engine.shuttle(-1);
    expect(player.watchRefreshes(3)).toEqual([982, 978, 974]);
  });

  it('J keeps to real time: a seek that lands late skips frames rather than falling behind', () => {
    const player = openClip(clip, { startFrame: 200 });
    player.engine.shuttle(-1);
    player.clock.tick((1000 * clip.rate.fpsDen) / clip.rate.fpsNum);
    player.clock.tick((1000 * clip.rate.fpsDen) / clip.rate.fpsNum);
    player.source.run();
    expect(player.engine.currentFrame).toBe(199);
    expect(player.watchRefreshes(2)).toEqual([197, 196]);
  });

  it('J stops on the first frame and pauses there', () => {
    const player = openClip(clip, { startFrame: 4 });
    player.engine.shuttle(-1);
    expect(player.watchRefreshes(6)).toEqual([3, 2, 1, 0, 0, 0]);
    expect(player.engine.getSnapshot()).toMatchObject({ playing: false, shuttle: 0 });
  });

  it('K during J stops on the frame on screen', () => {
    const player = openClip(clip, { startFrame: 100 });
    player.engine.shuttle(-1);
    player.watchRefreshes(3);
    player.engine.pause();
    player.source.run();
    expect(player.engine.currentFrame).toBe(97);
    expect(player.engine.getSnapshot()).toMatchObject({ playing: false, shuttle: 0 });
    expect(player.watchRefreshes(3)).toEqual([97, 97, 97]);
  });

  it('L after J plays forward again from the frame J reached', () => {
    const player = openClip(clip, { startFrame: 100 });
    player.engine.shuttle(-1);
    player.watchRefreshes(4);
    player.engine.shuttle(1);
    expect(player.engine.getSnapshot().shuttle).toBe(1);
    expect(player.watchPlayback(3)).toEqual([97, 98, 99]);
  });

  it('while the version is still processing, seeks stop at the last frame ready', () => {
    const player = openClip(clip, { growing: true });
    player.source.availableSeconds = frameToSeconds(240, clip.rate);
    player.engine.load(player.version);
    player.source.run();
    expect(player.engine.getSnapshot().availableFrames).toBe(240);
    player.seek(5000);
    expect(player.engine.currentFrame).toBe(239);
  });

  it('reloading the same version when it is ready keeps the frame on screen and keeps playing', () => {
    const player = openClip(clip, { startFrame: 20, growing: true });
    player.engine.play();
    player.watchPlayback(10);
    player.engine.load({ ...player.version, growing: false }, 0);
    player.source.run();
    expect(player.engine.currentFrame).toBe(30);
    expect(player.engine.getSnapshot().playing).toBe(true);
    expect(player.watchPlayback(2)).toEqual([31, 32]);
  });
});

describe('a player opened on a frame', () => {
  it('reports that frame from the start, before its version has loaded, never frame 0', () => {
    const engine = new PlaybackEngine<FakePlaybackSource>({
      openStream: openFakeStream,
      clock: new FakeFrameClock(),
      startFrame: 20,
    });
    expect(engine.getSnapshot().frame).toBe(20);
    expect(engine.getSnapshot().playing).toBe(false);
  });

  it('opens within the version’s frames', () => {
    expect(openingFrame(20, 75)).toBe(20);
    expect(openingFrame(90, 75)).toBe(74);
    expect(openingFrame(-3, 75)).toBe(0);
    expect(openingFrame(12, null)).toBe(12);
  });
});
