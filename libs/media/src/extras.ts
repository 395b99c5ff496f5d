import { mkdir, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries } from './binaries';
import {
  DEFAULT_POSTER_CONFIG,
  DEFAULT_STORYBOARD_CONFIG,
  DEFAULT_WAVEFORM_CONFIG,
  planStoryboard,
  posterArgs,
  PosterConfig,
  samplesPerPeakFor,
  SPRITE_PATTERN,
  spriteFileName,
  StoryboardConfig,
  StoryboardLayout,
  storyboardArgs,
  WaveformConfig,
  waveformArgs,
} from './extras-args';
import { runProcess, RunProcessOptions } from './ffmpeg-runner';
import { MediaProbe } from './probe-types';
import { writeStoryboardVtt } from './storyboard-vtt';
import { PeakAccumulator, WaveformPeaks } from './waveform';

type RunOptions = Pick<RunProcessOptions, 'signal' | 'timeoutMs' | 'logger' | 'niceness'>;

interface ExtrasInput extends RunOptions {
  binaries: Pick<MediaBinaries, 'ffmpegPath' | 'ffmpegVersion'>;
  input: string;
  probe: MediaProbe;
}

function runOptions(options: RunOptions, defaultTimeoutMs: number): RunOptions {
  return {
    signal: options.signal,
    logger: options.logger,
    niceness: options.niceness,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
  };
}

export interface PosterResult {
  path: string;
  frame: number;
  width: number;
  height: number;
}

/** Writes `poster.jpg` into outputDir. */
export async function createPoster(
  options: ExtrasInput & { outputDir: string; config?: Partial<PosterConfig> },
): Promise<PosterResult> {
  const output = path.join(options.outputDir, 'poster.jpg');
  const plan = posterArgs(options.probe, options.input, output, {
    ...DEFAULT_POSTER_CONFIG,
    ...options.config,
  });
  await mkdir(options.outputDir, { recursive: true });
  await runProcess(options.binaries.ffmpegPath, plan.args, runOptions(options, 120_000));
  return { path: output, frame: plan.frame, width: plan.width, height: plan.height };
}

export interface StoryboardResult {
  layout: StoryboardLayout;
  sprites: string[];
  vttPath: string;
}

/** Writes `sprite_000.jpg`… and `thumbnails.vtt` into outputDir. */
export async function createStoryboard(
  options: ExtrasInput & { outputDir: string; config?: Partial<StoryboardConfig> },
): Promise<StoryboardResult> {
  const layout = planStoryboard(options.probe, { ...DEFAULT_STORYBOARD_CONFIG, ...options.config });
  await mkdir(options.outputDir, { recursive: true });
  const args = storyboardArgs(
    layout,
    options.input,
    path.join(options.outputDir, SPRITE_PATTERN),
    options.binaries.ffmpegVersion,
  );
  await runProcess(options.binaries.ffmpegPath, args, runOptions(options, 600_000));
  const storyboard = await finishStoryboard(layout, options.outputDir);
  if (!storyboard.ok) throw new Error(`ffmpeg did not write ${storyboard.missing.join(', ')}`);
  return storyboard.result;
}

/** Once ffmpeg has written the sprite sheets into outputDir: checks them, and writes the WebVTT that points at them. */
export async function finishStoryboard(
  layout: StoryboardLayout,
  outputDir: string,
): Promise<{ ok: true; result: StoryboardResult } | { ok: false; missing: string[] }> {
  const written = new Set(await readdir(outputDir).catch(() => []));
  const sprites = Array.from({ length: layout.sheetCount }, (_, sheet) => spriteFileName(sheet));
  const missing = sprites.filter((name) => !written.has(name));
  if (missing.length) return { ok: false, missing };
  const vttPath = path.join(outputDir, 'thumbnails.vtt');
  await writeFile(vttPath, writeStoryboardVtt(layout));
  return {
    ok: true,
    result: { layout, sprites: sprites.map((name) => path.join(outputDir, name)), vttPath },
  };
}

/** Decodes the sound through a pipe into peaks; writes them as JSON when `outputPath` is given. */
export async function createWaveform(
  options: ExtrasInput & { outputPath?: string; config?: Partial<WaveformConfig> },
): Promise<WaveformPeaks> {
  const config = { ...DEFAULT_WAVEFORM_CONFIG, ...options.config };
  const collector = waveformCollector(options.probe.durationSeconds, config);
  await runProcess(
    options.binaries.ffmpegPath,
    waveformArgs(options.probe, options.input, config.sampleRate),
    { ...runOptions(options, 600_000), onStdout: collector.push },
  );
  const waveform = collector.finish();
  if (options.outputPath) await writeWaveform(waveform, options.outputPath);
  return waveform;
}

/** Peaks for a sound of `durationSeconds`: push its samples (mono s16le at config.sampleRate), then call finish. */
export function waveformCollector(
  durationSeconds: number,
  config: WaveformConfig = DEFAULT_WAVEFORM_CONFIG,
): { push(chunk: Uint8Array): void; finish(): WaveformPeaks } {
  const accumulator = new PeakAccumulator(samplesPerPeakFor(durationSeconds, config));
  return {
    push: (chunk) => accumulator.push(chunk),
    finish: () => ({
      version: 1,
      samplesPerPeak: accumulator.samplesPerPeak,
      sampleRate: config.sampleRate,
      peaks: accumulator.finish(),
    }),
  };
}

export async function writeWaveform(waveform: WaveformPeaks, outputPath: string): Promise<void> {
  await mkdir(path.dirname(outputPath), { recursive: true });
  await writeFile(outputPath, JSON.stringify(waveform));
}
