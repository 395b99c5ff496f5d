import * as path from 'node:path';
import { MediaBinaries, resolveMediaBinaries } from './binaries';
import { runProcess } from './ffmpeg-runner';
import { FrameCodedClipOptions, generateFrameCodedClip, readFrameCodes } from './frame-code';
import { renditionTimeline } from './frame-timeline';
import { transcodeToHls } from './hls-transcode';
import { probeMedia, readFrameTimes, readVideoPackets } from './probe';
import { MediaProbe } from './probe-types';
import { range, useTempDir } from './test-support/temp-dir';

// Phone footage, screen recordings and game captures: frames at irregular times. Each clip is a
// frame-coded 30 fps clip with frames left out, so every frame still carries its source index and
// its source time is index / 30.
jest.setTimeout(180_000);
const work = useTempDir('vfr');
const LADDER = { rungs: [180] };

let system: MediaBinaries;
let shipped: MediaBinaries;
beforeAll(async () => {
  system = await resolveMediaBinaries();
  shipped = await resolveMediaBinaries({ preferNpm: true });
});

/** 180 frames (6 s) at 30 fps, 40 left out in runs of one to four: 140 frames, 23.3 fps on average. */
const IRREGULAR_DROPS: FrameCodedClipOptions['dropFrames'] = [
  3,
  [7, 8],
  15,
  [21, 23],
  30,
  [41, 44],
  52,
  58,
  [66, 67],
  [80, 82],
  97,
  [101, 104],
  119,
  [125, 126],
  133,
  [140, 142],
  150,
  [161, 163],
  171,
  [175, 178],
];
/** Two seconds of motion, a 3.5 s static gap, one second of motion: a screen recording. */
const STATIC_GAP: FrameCodedClipOptions['dropFrames'] = [[60, 164]];

function keptFrames(total: number, drops: NonNullable<FrameCodedClipOptions['dropFrames']>): number[] {
  const out = new Set(
    drops.flatMap((drop) =>
      typeof drop === 'number' ? [drop] : range(drop[1] - drop[0] + 1).map((i) => drop[0] + i),
    ),
  );
  return range(total).filter((index) => !out.has(index));
}

async function clip(
  name: string,
  drops: NonNullable<FrameCodedClipOptions['dropFrames']>,
  fps = 30,
  frames = 180,
): Promise<string> {
  const file = path.join(work.path(), name);
  await generateFrameCodedClip({
    path: file,
    fpsNum: fps,
    fpsDen: 1,
    frames,
    width: 320,
    height: 180,
    dropFrames: drops,
    audio: true,
    ffmpegPath: system.ffmpegPath,
  });
  return file;
}

async function probed(file: string): Promise<MediaProbe> {
  const result = await probeMedia(file, { ffprobePath: system.ffprobePath });
  if (!result.ok) throw new Error(result.problem.reason);
  return result.probe;
}

/**
 * Transcodes with `binaries` and reads the rendition back: every kept source frame appears, in
 * order, first shown within half a frame of its source time; frames in between repeat the last one.
 */
async function expectEveryFrameAtItsTime(
  source: string,
  probe: MediaProbe,
  kept: number[],
  binaries: MediaBinaries,
  sourceFps = 30,
): Promise<void> {
  const timeline = renditionTimeline(probe)!;
  const result = await transcodeToHls({
    binaries,
    input: source,
    outputDir: path.join(work.path(), `${path.basename(source)}-${binaries.ffmpegVersion.major}`),
    probe,
    ladder: LADDER,
    encoder: { preset: 'ultrafast' },
  });
  // What the version records is what the rendition holds.
  expect(result.frameCount).toBe(timeline.frameCount);
  const playlist = path.join(path.dirname(result.masterPlaylist), result.video[0].uri);
  const codes = await readFrameCodes(playlist, { ffmpegPath: system.ffmpegPath });
  expect(codes).toHaveLength(timeline.frameCount);
  const { timeBase, packets } = await readVideoPackets(playlist, { ffprobePath: system.ffprobePath });
  const seconds = packets.map((packet) => (packet.pts * timeBase.num) / timeBase.den);
  const halfFrame = (0.5 * timeline.fpsDen) / timeline.fpsNum;

  // Held frames repeat: the distinct codes, in order, are exactly the source's frames.
  const distinct = codes.filter((code, index) => index === 0 || code !== codes[index - 1]);
  expect(distinct).toEqual(kept);
  for (const index of kept) {
    const shown = seconds[codes.indexOf(index)];
    const sourceTime = (index - kept[0]) / sourceFps;
    expect(Math.abs(shown - sourceTime)).toBeLessThanOrEqual(halfFrame + 1e-6);
  }
}

describe('variable-frame-rate sources: every source frame reaches the rendition, at its own time', () => {
  it('a 30 fps clip with frames dropped irregularly is conformed to 30 fps, each frame held until the next', async () => {
    const source = await clip('dropped.mp4', IRREGULAR_DROPS);
    const kept = keptFrames(180, IRREGULAR_DROPS!);
    expect(kept).toHaveLength(140);
    const probe = await probed(source);
    expect(probe.video).toMatchObject({ fpsNum: 30, fpsDen: 1, variableFrameRate: true, frameCount: 140 });
    expect(probe.video?.frameTiming).toMatchObject({ timelineFrames: 180, lostFrames: 0 });
    expect(probe.video?.frameTiming?.sourceAverageFps).toBeCloseTo(140 / 6, 1);
    expect(renditionTimeline(probe)).toMatchObject({
      fpsNum: 30,
      fpsDen: 1,
      frameCount: 180,
      durationSeconds: 6,
      fromVariableRate: true,
    });
    await expectEveryFrameAtItsTime(source, probe, kept, system);
  });

  it('a long static gap is held on screen, and the motion after it is at its own time', async () => {
    const source = await clip('gap.mp4', STATIC_GAP);
    const kept = keptFrames(180, STATIC_GAP!);
    const probe = await probed(source);
    expect(probe.video).toMatchObject({ fpsNum: 30, fpsDen: 1, variableFrameRate: true });
    expect(renditionTimeline(probe)?.frameCount).toBe(180);
    await expectEveryFrameAtItsTime(source, probe, kept, system);
  });

  it('a screen recording idling at 1 fps with bursts at 60 fps is conformed to 60, every burst frame kept', async () => {
    // Eight seconds of a 60 fps capture: one frame a second, except the 3rd and 7th seconds, whole.
    const idle = [0, 1, 3, 4, 5, 7].map((second) => [second * 60 + 1, second * 60 + 59] as const);
    const source = await clip('screen.mp4', idle, 60, 481);
    const kept = keptFrames(481, idle);
    const probe = await probed(source);
    expect(probe.video).toMatchObject({
      fpsNum: 60,
      fpsDen: 1,
      variableFrameRate: true,
      frameCount: kept.length,
    });
    expect(renditionTimeline(probe)?.frameCount).toBe(481);
    await expectEveryFrameAtItsTime(source, probe, kept, system, 60);
  });

  it('the same in Matroska (millisecond timestamps, rates that only restate the average)', async () => {
    const mp4 = await clip('dropped-for-mkv.mp4', IRREGULAR_DROPS);
    const source = path.join(work.path(), 'dropped.mkv');
    await runProcess(system.ffmpegPath, ['-v', 'error', '-y', '-i', mp4, '-c', 'copy', source]);
    const probe = await probed(source);
    expect(probe.video).toMatchObject({ fpsNum: 30, fpsDen: 1, variableFrameRate: true });
    await expectEveryFrameAtItsTime(source, probe, keptFrames(180, IRREGULAR_DROPS!), system);
  });

  it('with the npm-shipped ffmpeg 4.1 too', async () => {
    expect(shipped.ffmpegVersion).toMatchObject({ major: 4, minor: 1 });
    const source = await clip('dropped-41.mp4', IRREGULAR_DROPS);
    await expectEveryFrameAtItsTime(source, await probed(source), keptFrames(180, IRREGULAR_DROPS!), shipped);
  });

  it('a constant-rate Matroska file stays as it is: its own rate, frame for frame', async () => {
    const mp4 = path.join(work.path(), 'cfr-25.mp4');
    await generateFrameCodedClip({ path: mp4, fpsNum: 25, fpsDen: 1, frames: 50, width: 320, height: 180 });
    const source = path.join(work.path(), 'cfr-25.mkv');
    await runProcess(system.ffmpegPath, ['-v', 'error', '-y', '-i', mp4, '-c', 'copy', source]);
    const probe = await probed(source);
    expect(probe.video).toMatchObject({ fpsNum: 25, fpsDen: 1, variableFrameRate: false, frameCount: 50 });
    expect(renditionTimeline(probe)).toMatchObject({ frameCount: 50, fromVariableRate: false });
    await expectEveryFrameAtItsTime(source, probe, range(50), system, 25);
  });

  it('reads the frame timestamps of the picture stream only, skipping nothing', async () => {
    const source = await clip('times.mp4', IRREGULAR_DROPS);
    const probe = await probed(source);
    const times = await readFrameTimes(source, probe.video!.streamIndex, { ffprobePath: system.ffprobePath });
    expect(times?.pts).toHaveLength(140);
    const ticksPerFrame = times!.timeBase.den / (30 * times!.timeBase.num);
    expect([...times!.pts].sort((a, b) => a - b)).toEqual(
      keptFrames(180, IRREGULAR_DROPS!).map((index) => index * ticksPerFrame),
    );
  });
});
