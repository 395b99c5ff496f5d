import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries, resolveMediaBinaries } from './binaries';
import { createPoster, createStoryboard, createWaveform, StoryboardResult } from './extras';
import { generateFrameCodedClip, readFrameCodes } from './frame-code';
import { decodeFrameCode } from './frame-code-reader';
import { runProcess } from './ffmpeg-runner';
import { transcodeToHls } from './hls-transcode';
import { probeMedia } from './probe';
import { MediaProbe } from './probe-types';
import { WaveformPeaks } from './waveform';
import { useTempDir } from './test-support/temp-dir';

jest.setTimeout(60_000);
const work = useTempDir('extras');
let binaries: MediaBinaries;
let source: string;
let probe: MediaProbe;

beforeAll(async () => {
  binaries = await resolveMediaBinaries();
  source = path.join(work.path(), 'source.mov');
  await generateFrameCodedClip({
    path: source,
    fpsNum: 30000,
    fpsDen: 1001,
    frames: 200,
    width: 640,
    height: 360,
    audio: true,
  });
  const result = await probeMedia(source, { ffprobePath: binaries.ffprobePath });
  if (!result.ok) throw new Error(result.problem.reason);
  probe = result.probe;
});

/** A JPEG decoded to grayscale pixels. */
async function grayPixels(file: string, width: number, height: number): Promise<Uint8Array> {
  const { stdout } = await runProcess(binaries.ffmpegPath, [
    '-v',
    'error',
    '-i',
    file,
    '-vf',
    `scale=${width}:${height},format=gray`,
    '-f',
    'rawvideo',
    'pipe:1',
  ]);
  return new Uint8Array(stdout);
}

/** The frame codes of a 2×2 storyboard sheet's tiles, left to right, top to bottom. */
async function tileCodes(storyboard: StoryboardResult): Promise<Array<number | null>> {
  const { thumbWidth: width, thumbHeight: height } = storyboard.layout;
  const sheet = await grayPixels(storyboard.sprites[0], width * 2, height * 2);
  const tile = (column: number, row: number) =>
    decodeFrameCode(sheet.subarray(row * height * width * 2 + column * width), width, height, width * 2);
  return [tile(0, 0), tile(1, 0), tile(0, 1), tile(1, 1)];
}

/** A 440 Hz tone at −18 dBFS: 100 min/max pairs a second, near ±0.125. */
function expectToneWaveform(waveform: WaveformPeaks): void {
  expect(waveform).toMatchObject({ version: 1, sampleRate: 8000, samplesPerPeak: 80 });
  const pairs = waveform.peaks.length / 2;
  expect(pairs).toBeGreaterThanOrEqual(Math.floor(probe.durationSeconds * 100) - 1);
  expect(pairs).toBeLessThanOrEqual(Math.ceil(probe.durationSeconds * 100) + 1);
  const middle = waveform.peaks.slice(100, 200);
  for (let i = 0; i < middle.length; i += 2) {
    expect(middle[i]).toBeCloseTo(-0.125, 1);
    expect(middle[i + 1]).toBeCloseTo(0.125, 1);
  }
}

describe('extras from a frame-coded 29.97 clip (real ffmpeg)', () => {
  it('the poster shows exactly the frame 10% in', async () => {
    const poster = await createPoster({
      binaries,
      input: source,
      probe,
      outputDir: path.join(work.path(), 'poster'),
    });
    expect(poster).toMatchObject({ frame: 20, width: 640, height: 360 });
    expect(await readFrameCodes(poster.path, { ffmpegPath: binaries.ffmpegPath })).toEqual([20]);
  });

  it('the storyboard tiles show frames 0, 60, 120, 180 and the WebVTT points at them', async () => {
    const outputDir = path.join(work.path(), 'storyboard');
    const storyboard = await createStoryboard({
      binaries,
      input: source,
      probe,
      outputDir,
      config: { columns: 2, rows: 2 },
    });
    expect(storyboard.layout).toMatchObject({ intervalFrames: 60, thumbnailCount: 4, sheetCount: 1 });
    expect(await tileCodes(storyboard)).toEqual([0, 60, 120, 180]);
    const vtt = await readFile(storyboard.vttPath, 'utf8');
    expect(vtt).toContain('00:00:04.004 --> 00:00:06.006\nsprite_000.jpg#xywh=0,90,160,90\n');
    expect(vtt).toContain('00:00:06.006 --> 00:00:06.673\nsprite_000.jpg#xywh=160,90,160,90\n');
  });

  it('a second sheet is written for the thumbnails that do not fit on the first', async () => {
    const storyboard = await createStoryboard({
      binaries,
      input: source,
      probe,
      outputDir: path.join(work.path(), 'storyboard-2'),
      config: { columns: 3, rows: 1 },
    });
    expect(storyboard.sprites.map((sprite) => path.basename(sprite))).toEqual([
      'sprite_000.jpg',
      'sprite_001.jpg',
    ]);
  });

  it('the waveform of a 440 Hz tone at −18 dBFS has 100 pairs a second near ±0.125', async () => {
    const outputPath = path.join(work.path(), 'waveform.json');
    const waveform = await createWaveform({ binaries, input: source, probe, outputPath });
    expectToneWaveform(waveform);
    expect(JSON.parse(await readFile(outputPath, 'utf8'))).toEqual(waveform);
  });
});

describe.each([
  ['the system ffmpeg', false],
  ['the npm-shipped ffmpeg 4.1', true],
])("the same extras from the HLS ladder's own decode, with %s", (_name, preferNpm) => {
  it('writes the poster, the storyboard and the waveform beside the renditions, frame for frame', async () => {
    const ladderBinaries = await resolveMediaBinaries({ preferNpm });
    const dir = path.join(work.path(), `ladder-${preferNpm ? 'npm' : 'system'}`);
    const result = await transcodeToHls({
      binaries: ladderBinaries,
      input: source,
      outputDir: path.join(dir, 'hls'),
      probe,
      encoder: { preset: 'ultrafast' },
      poster: { outputDir: path.join(dir, 'poster') },
      storyboard: { outputDir: path.join(dir, 'storyboard'), config: { columns: 2, rows: 2 } },
      waveform: { outputPath: path.join(dir, 'waveform.json') },
    });
    expect(result.frameCount).toBe(200);
    expect(result.poster).toMatchObject({ frame: 20, width: 640, height: 360 });
    expect(await readFrameCodes(result.poster?.path ?? '', { ffmpegPath: binaries.ffmpegPath })).toEqual([
      20,
    ]);
    expect(result.storyboard?.sprites.map((sprite) => path.basename(sprite))).toEqual(['sprite_000.jpg']);
    expect(await tileCodes(result.storyboard as StoryboardResult)).toEqual([0, 60, 120, 180]);
    expect(await readFile(path.join(dir, 'storyboard', 'thumbnails.vtt'), 'utf8')).toContain(
      '00:00:04.004 --> 00:00:06.006\nsprite_000.jpg#xywh=0,90,160,90\n',
    );
    expectToneWaveform(result.waveform as WaveformPeaks);
    expect(JSON.parse(await readFile(path.join(dir, 'waveform.json'), 'utf8'))).toEqual(result.waveform);
  });

  it('leaves out a poster whose frame never comes, and says so instead of failing the ladder', async () => {
    const ladderBinaries = await resolveMediaBinaries({ preferNpm });
    const dir = path.join(work.path(), `ladder-short-${preferNpm ? 'npm' : 'system'}`);
    // The probe promised 2,000 frames; the file has 200.
    const promised: MediaProbe = { ...probe, video: probe.video && { ...probe.video, frameCount: 2000 } };
    const result = await transcodeToHls({
      binaries: ladderBinaries,
      input: source,
      outputDir: path.join(dir, 'hls'),
      probe: promised,
      encoder: { preset: 'ultrafast' },
      poster: { outputDir: path.join(dir, 'poster') },
      storyboard: { outputDir: path.join(dir, 'storyboard'), config: { columns: 2, rows: 2 } },
    });
    expect(result.frameCount).toBe(200);
    expect(result.poster).toBeNull();
    // 2,000 frames would fill 9 sheets; the 200 there are fill one.
    expect(result.storyboard).toBeNull();
  });
});
