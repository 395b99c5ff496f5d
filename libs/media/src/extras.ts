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

type RunOptions = Pick<RunProcessOptions, 'signal' | 'timeoutMs' | 'logger'>;

interface ExtrasInput extends RunOptions {
  binaries: Pick<MediaBinaries, 'ffmpegPath' | 'ffmpegVersion'>;
  input: string;
  probe: MediaProbe;
}

function runOptions(options: RunOptions, defaultTimeoutMs: number): RunOptions {
  return { signal: options.signal, logger: options.logger, timeoutMs: options.timeoutMs ?? defaultTimeoutMs };
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
  const written = new Set(await readdir(options.outputDir));
  const sprites = Array.from({ length: layout.sheetCount }, (_, sheet) => spriteFileName(sheet));
  const missing = sprites.filter((name) => !written.has(name));
  if (missing.length) throw new Error(`ffmpeg did not write ${missing.join(', ')}`);
  const vttPath = path.join(options.outputDir, 'thumbnails.vtt');
  await writeFile(vttPath, writeStoryboardVtt(layout));
  return { layout, sprites: sprites.map((name) => path.join(options.outputDir, name)), vttPath };
}

/** Decodes the sound through a pipe into peaks; writes them as JSON when `outputPath` is given. */
export async function createWaveform(
  options: ExtrasInput & { outputPath?: string; config?: Partial<WaveformConfig> },
): Promise<WaveformPeaks> {
  const config = { ...DEFAULT_WAVEFORM_CONFIG, ...options.config };
  const samplesPerPeak = samplesPerPeakFor(options.probe.durationSeconds, config);
  const accumulator = new PeakAccumulator(samplesPerPeak);
  await runProcess(
    options.binaries.ffmpegPath,
    waveformArgs(options.probe, options.input, config.sampleRate),
    {
      ...runOptions(options, 600_000),
      onStdout: (chunk) => accumulator.push(chunk),
    },
  );
  const waveform: WaveformPeaks = {
    version: 1,
    samplesPerPeak,
    sampleRate: config.sampleRate,
    peaks: accumulator.finish(),
  };
  if (options.outputPath) {
    await mkdir(path.dirname(options.outputPath), { recursive: true });
    await writeFile(options.outputPath, JSON.stringify(waveform));
  }
  return waveform;
}
