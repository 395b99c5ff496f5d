import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries, resolveMediaBinaries } from './binaries';
import { generateFrameCodedClip, readFrameCodes } from './frame-code';
import { segmentStartFrames } from './hls-args';
import { HlsResult, transcodeToHls } from './hls-transcode';
import { parseMediaPlaylist } from './media-playlist';
import { probeMedia, readVideoPackets } from './probe';
import { MediaProbe } from './probe-types';
import { range, useTempDir } from './test-support/temp-dir';

// Real ffmpeg, small clips: 640×360 sources, a 360p + 180p ladder (the default rungs would leave
// a 360p source a single rendition). The production preset (veryfast) on purpose: unlike
// ultrafast it would use B-frames, which the pipeline must switch off.
jest.setTimeout(120_000);
const work = useTempDir('hls');
const LADDER = { rungs: [360, 180] };
const ENCODER = { preset: 'veryfast' };

let system: MediaBinaries;
let shipped: MediaBinaries;
beforeAll(async () => {
  system = await resolveMediaBinaries();
  shipped = await resolveMediaBinaries({ preferNpm: true });
});

interface Case {
  name: string;
  fpsNum: number;
  fpsDen: number;
  frames: number;
  startTimecode?: string;
  variableRate?: boolean;
  container?: string;
}

async function probeOrFail(file: string, ffprobePath: string): Promise<MediaProbe> {
  const result = await probeMedia(file, { ffprobePath });
  if (!result.ok) throw new Error(`${file}: ${result.problem.reason}`);
  return result.probe;
}

async function transcode(testCase: Case, binaries: MediaBinaries) {
  const source = path.join(work.path(), `${testCase.name}.${testCase.container ?? 'mp4'}`);
  await generateFrameCodedClip({
    path: source,
    fpsNum: testCase.fpsNum,
    fpsDen: testCase.fpsDen,
    frames: testCase.frames,
    width: 640,
    height: 360,
    startTimecode: testCase.startTimecode,
    dropFrameTimecode: testCase.startTimecode !== undefined,
    variableRate: testCase.variableRate,
    audio: true,
  });
  const probe = await probeOrFail(source, system.ffprobePath);
  const outputDir = path.join(work.path(), `${testCase.name}-${binaries.ffmpegVersion.major}`);
  const percents: number[] = [];
  let playableMaster: string | null = null;
  let whenPlayable = { master: '', smallest: '' };
  const result = await transcodeToHls({
    binaries,
    input: source,
    outputDir,
    probe,
    ladder: LADDER,
    encoder: ENCODER,
    onProgress: (progress) => percents.push(progress.percent),
    onPlayable: (master) => {
      playableMaster = master;
      // Read at that very moment: the files change as the transcode goes on.
      whenPlayable = {
        master: readFileSync(master, 'utf8'),
        smallest: readFileSync(path.join(outputDir, '180p', 'index.m3u8'), 'utf8'),
      };
    },
  });
  return { probe, result, percents, playableMaster, whenPlayable };
}

/** The checks every transcode must pass, rendition by rendition. */
async function expectFrameExact(result: HlsResult, probe: MediaProbe, expectedFrames: number) {
  const { plan } = result;
  expect(result.frameCount).toBe(expectedFrames);
  expect(result.video.map((rendition) => rendition.output.name)).toEqual(['360p', '180p']);
  for (const rendition of result.video) {
    const playlistFile = path.join(path.dirname(result.masterPlaylist), rendition.uri);
    // 1. Every source frame, in order, once: decoded back from the playlist.
    expect(await readFrameCodes(playlistFile, { ffmpegPath: system.ffmpegPath })).toEqual(
      range(expectedFrames),
    );

    // 2. Timestamps: frame k at exactly k frame periods, no composition offset (pts = dts), first at 0.
    const { timeBase, packets } = await readVideoPackets(playlistFile, { ffprobePath: system.ffprobePath });
    const ticksPerFrame = (plan.fpsDen * timeBase.den) / (plan.fpsNum * timeBase.num);
    expect(Number.isInteger(ticksPerFrame)).toBe(true);
    expect(packets.map((packet) => packet.pts)).toEqual(range(expectedFrames).map((k) => k * ticksPerFrame));
    expect(packets.every((packet) => packet.dts === packet.pts)).toBe(true);

    // 3. Keyframes exactly at segment starts (a short lead, then the GOP grid), the same frames in every rendition.
    const keyframes = packets.flatMap((packet, index) => (packet.keyframe ? [index] : []));
    expect(plan.leadFrames).toBeGreaterThan(0);
    expect(keyframes).toEqual(segmentStartFrames(plan, expectedFrames));

    // 4. A finished VOD playlist whose segments are whole GOPs.
    const text = await readFile(playlistFile, 'utf8');
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    const durations = parseMediaPlaylist(text).segments.map((segment) => segment.durationSeconds);
    expect(durations.length).toBe(keyframes.length);
    const frameSeconds = plan.fpsDen / plan.fpsNum;
    const segmentFrames = keyframes.map((start, index) => (keyframes[index + 1] ?? expectedFrames) - start);
    durations.forEach((duration, index) =>
      expect(duration).toBeCloseTo(segmentFrames[index] * frameSeconds, 5),
    );
    await expect(stat(path.join(path.dirname(playlistFile), 'ffmpeg.m3u8'))).rejects.toThrow();

    // 5. ffprobe agrees on rate and count.
    const renditionProbe = await probeOrFail(playlistFile, system.ffprobePath);
    expect(renditionProbe.video).toMatchObject({
      fpsNum: plan.fpsNum,
      fpsDen: plan.fpsDen,
      frameCount: expectedFrames,
      width: rendition.output.width,
      height: rendition.output.height,
      variableFrameRate: false,
    });
    expect(rendition.codec).toMatch(/^avc1\.6400[0-9a-f]{2}$/);
  }

  // 6. The master lists both renditions, the audio group, and the real codecs.
  const master = await readFile(result.masterPlaylist, 'utf8');
  const frameRate = (plan.fpsNum / plan.fpsDen).toFixed(3);
  expect(master).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio"');
  expect(master).toContain('URI="audio/index.m3u8"');
  for (const rendition of result.video) {
    expect(master).toContain(
      `RESOLUTION=${rendition.output.width}x${rendition.output.height},FRAME-RATE=${frameRate},` +
        `CODECS="${rendition.codec},mp4a.40.2",AUDIO="audio"\n${rendition.uri}\n`,
    );
  }
  expect(result.audio?.codec).toBe('mp4a.40.2');
  const audioProbe = await probeOrFail(
    path.join(path.dirname(result.masterPlaylist), 'audio/index.m3u8'),
    system.ffprobePath,
  );
  expect(audioProbe.kind).toBe('audio');
  expect(audioProbe.durationSeconds).toBeCloseTo(probe.durationSeconds, 0);
}

const CASES: Case[] = [
  { name: '23976', fpsNum: 24000, fpsDen: 1001, frames: 60 },
  { name: '24', fpsNum: 24, fpsDen: 1, frames: 60 },
  { name: '25', fpsNum: 25, fpsDen: 1, frames: 62 },
  {
    name: '2997-df',
    fpsNum: 30000,
    fpsDen: 1001,
    frames: 75,
    startTimecode: '01:00:00:00',
    container: 'mov',
  },
  { name: '30', fpsNum: 30, fpsDen: 1, frames: 75 },
  { name: '50', fpsNum: 50, fpsDen: 1, frames: 125 },
  { name: '5994', fpsNum: 60000, fpsDen: 1001, frames: 150 },
  // MPEG-TS timestamps start at 1.4 s, the picture a little after the sound.
  { name: '25-mpegts', fpsNum: 25, fpsDen: 1, frames: 62, container: 'ts' },
];

describe('HLS ladder with the system ffmpeg: every rendition holds exactly the source frames', () => {
  it.each(CASES)('$name fps', async (testCase) => {
    const { probe, result, percents } = await transcode(testCase, system);
    expect(probe.video).toMatchObject({
      fpsNum: testCase.fpsNum,
      fpsDen: testCase.fpsDen,
      frameCount: testCase.frames,
    });
    expect(result.plan).toMatchObject({
      fpsNum: testCase.fpsNum,
      fpsDen: testCase.fpsDen,
      expectedFrames: testCase.frames,
    });
    await expectFrameExact(result, probe, testCase.frames);
    expect(percents[percents.length - 1]).toBe(100);
    if (testCase.startTimecode)
      expect(probe).toMatchObject({ startTimecode: '01:00:00;00', dropFrame: true });
  });

  it('a variable-rate source becomes constant at its nominal rate, every frame kept', async () => {
    const { probe, result } = await transcode(
      { name: 'vfr', fpsNum: 24, fpsDen: 1, frames: 60, variableRate: true },
      system,
    );
    expect(probe.video?.variableFrameRate).toBe(true);
    expect(result.plan.constantRateFromVariable).toBe(true);
    await expectFrameExact(result, probe, 60);
  });

  it('is playable early: the smallest rendition and the audio are announced before the end', async () => {
    const { result, playableMaster, whenPlayable } = await transcode(
      { name: 'early', fpsNum: 25, fpsDen: 1, frames: 250 },
      system,
    );
    // Whether ffmpeg is still running at that moment depends on the machine's speed; the order of
    // publication is pinned down without a race in hls-publisher.spec.ts.
    expect(playableMaster).toBe(result.masterPlaylist);
    expect(whenPlayable.master).toContain('180p/index.m3u8');
    expect(whenPlayable.master).not.toContain('360p/index.m3u8');
    expect(whenPlayable.master).toContain('audio/index.m3u8');
    expect(whenPlayable.smallest).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
    expect(whenPlayable.smallest).toContain('seg_00000.m4s');
    expect(whenPlayable.smallest).not.toContain('#EXT-X-ENDLIST');
    const finalMaster = await readFile(result.masterPlaylist, 'utf8');
    expect(finalMaster).toContain('360p/index.m3u8');
  });
});

describe('HLS ladder with the npm-shipped ffmpeg 4.1', () => {
  it('is really 4.1', () => {
    expect(shipped.sources.ffmpeg).toBe('npm');
    expect(shipped.ffmpegVersion).toMatchObject({ major: 4, minor: 1 });
  });

  it.each([CASES[3], CASES[7], { name: 'vfr-41', fpsNum: 24, fpsDen: 1, frames: 60, variableRate: true }])(
    '$name: every frame in place',
    async (testCase) => {
      const { probe, result } = await transcode(testCase, shipped);
      await expectFrameExact(result, probe, testCase.frames);
    },
  );
});
