import { FSWatcher, watch } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries } from './binaries';
import { runFfmpeg } from './ffmpeg-runner';
import {
  DEFAULT_POSTER_CONFIG,
  DEFAULT_STORYBOARD_CONFIG,
  DEFAULT_WAVEFORM_CONFIG,
  planPoster,
  planStoryboard,
  PosterConfig,
  SPRITE_PATTERN,
  StoryboardConfig,
  WaveformConfig,
} from './extras-args';
import { finishStoryboard, PosterResult, StoryboardResult, waveformCollector, writeWaveform } from './extras';
import { buildHlsPlan, EncoderConfig, FFMPEG_PLAYLIST, HlsPlan, LadderExtras } from './hls-args';
import { primaryAudio } from './primary-audio';
import { HlsPublisher, PublishedLadder } from './hls-publisher';
import { chooseLadder, DEFAULT_LADDER_CONFIG, LadderConfig } from './ladder';
import { MediaLogger, silentLogger } from './logger';
import { WaveformPeaks } from './waveform';
import { FfmpegProgress } from './progress';
import { MediaProbe } from './probe-types';

export interface TranscodeHlsOptions {
  binaries: Pick<MediaBinaries, 'ffmpegPath' | 'ffmpegVersion'>;
  input: string;
  /** An empty working directory; the caller publishes it (e.g. by rename) when this resolves. */
  outputDir: string;
  probe: MediaProbe;
  ladder?: Partial<LadderConfig>;
  encoder?: Partial<EncoderConfig>;
  /** Also write each frame's signature here (frame-signatures.ts), from the same decode. */
  signaturesPath?: string;
  /** Also made from the same decode (a source without a picture or sound has none of its own). */
  poster?: { outputDir: string; config?: Partial<PosterConfig> };
  storyboard?: { outputDir: string; config?: Partial<StoryboardConfig> };
  waveform?: { outputPath: string; config?: Partial<WaveformConfig> };
  /** ffmpeg's CPU priority (runProcess). */
  niceness?: number;
  onProgress?: (progress: FfmpegProgress) => void;
  /**
   * Called once, as soon as the smallest rendition (and the audio) have a first
   * segment: `master.m3u8` then lists that rendition with an EVENT playlist.
   */
  onPlayable?: (masterPlaylist: string) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  logger?: MediaLogger;
}

export interface HlsResult extends PublishedLadder {
  plan: HlsPlan;
  /**
   * What was asked for and made. A poster or storyboard is null when ffmpeg did not write it all:
   * the frames counted before did not come (a container whose timing misled the probe).
   */
  poster: PosterResult | null;
  storyboard: StoryboardResult | null;
  waveform: WaveformPeaks | null;
}

/**
 * Transcodes a probed source to an HLS ladder in one ffmpeg run, publishing
 * growing EVENT playlists while it works and VOD playlists plus the master at the end.
 */
export async function transcodeToHls(options: TranscodeHlsOptions): Promise<HlsResult> {
  const logger = options.logger ?? silentLogger;
  const extras = await planExtras(options);
  const plan = buildHlsPlan({
    input: options.input,
    outputDir: options.outputDir,
    probe: options.probe,
    renditions: chooseLadder(options.probe, { ...DEFAULT_LADDER_CONFIG, ...options.ladder }),
    ffmpegVersion: options.binaries.ffmpegVersion,
    encoder: options.encoder,
    signaturesPath: options.signaturesPath,
    extras: extras.plan,
  });
  for (const output of plan.outputs) await mkdir(output.dir, { recursive: true });
  const publisher = new HlsPublisher(
    plan,
    options.outputDir,
    primaryAudio(options.probe)?.stream.language ?? null,
  );

  // Growing playlists are republished on every progress report, and at once when ffmpeg rewrites
  // the playlist of an output that has none yet (a watch: progress comes every half second, and
  // the first segments are what people wait for). One refresh at a time.
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = async () => {
    if (await publisher.refresh()) {
      logger.info('media: playable while still processing', { master: publisher.masterPlaylist });
      options.onPlayable?.(publisher.masterPlaylist);
    }
  };
  const scheduleRefresh = () => {
    refreshing = refreshing.then(refresh).catch((error) => {
      logger.warn('media: could not publish a growing playlist', { error: String(error) });
    });
  };
  const watchers = publisher.firstSegmentOutputs().flatMap((output): FSWatcher[] => {
    try {
      const watcher = watch(output.dir, (_event, name) => {
        if (publisher.isPlayable) watcher.close();
        else if (name && name.startsWith(FFMPEG_PLAYLIST)) scheduleRefresh();
      });
      watcher.on('error', () => watcher.close());
      return [watcher];
    } catch {
      return []; // no file events here (some network filesystems): progress reports still publish
    }
  });

  try {
    await runFfmpeg(options.binaries.ffmpegPath, plan.args, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      niceness: options.niceness,
      onPipe3: extras.waveform?.push,
      logger,
      expected: { frames: plan.expectedFrames, durationSeconds: plan.durationSeconds },
      onProgress: (progress) => {
        options.onProgress?.(progress);
        scheduleRefresh();
      },
    });
  } finally {
    for (const watcher of watchers) watcher.close();
    // Even when ffmpeg failed or was cancelled: no playlist write may outlive this call.
    await refreshing;
  }

  const wasPlayable = publisher.isPlayable;
  const published = await publisher.finish();
  if (!wasPlayable) options.onPlayable?.(published.masterPlaylist);
  return { plan, ...published, ...(await finishExtras(options, extras, logger)) };
}

interface PlannedExtras {
  plan: LadderExtras;
  poster?: { result: PosterResult };
  storyboard?: Parameters<typeof finishStoryboard>;
  waveform?: ReturnType<typeof waveformCollector>;
}

/** The extras this source can have, planned from its probe, their folders made. */
async function planExtras(options: TranscodeHlsOptions): Promise<PlannedExtras> {
  const { probe } = options;
  const picture = probe.kind === 'video' && probe.video;
  const extras: PlannedExtras = { plan: {} };
  if (picture && options.poster) {
    const frame = planPoster(probe, { ...DEFAULT_POSTER_CONFIG, ...options.poster.config });
    const posterPath = path.join(options.poster.outputDir, 'poster.jpg');
    await mkdir(options.poster.outputDir, { recursive: true });
    extras.plan.poster = { frame, path: posterPath };
    extras.poster = {
      result: { path: posterPath, frame: frame.frame, width: frame.width, height: frame.height },
    };
  }
  if (picture && options.storyboard) {
    const layout = planStoryboard(probe, { ...DEFAULT_STORYBOARD_CONFIG, ...options.storyboard.config });
    await mkdir(options.storyboard.outputDir, { recursive: true });
    extras.plan.storyboard = { layout, pattern: path.join(options.storyboard.outputDir, SPRITE_PATTERN) };
    extras.storyboard = [layout, options.storyboard.outputDir];
  }
  if (primaryAudio(probe) && options.waveform) {
    const config = { ...DEFAULT_WAVEFORM_CONFIG, ...options.waveform.config };
    extras.plan.waveformSampleRate = config.sampleRate;
    extras.waveform = waveformCollector(probe.durationSeconds, config);
  }
  return extras;
}

/** After a successful run: what each extra came to. */
async function finishExtras(
  options: TranscodeHlsOptions,
  extras: PlannedExtras,
  logger: MediaLogger,
): Promise<Pick<HlsResult, 'poster' | 'storyboard' | 'waveform'>> {
  let poster: PosterResult | null = null;
  if (extras.poster) {
    const written = await access(extras.poster.result.path).then(
      () => true,
      () => false,
    );
    if (written) poster = extras.poster.result;
    else logger.warn('media: the ladder wrote no poster', { frame: extras.poster.result.frame });
  }
  let storyboard: StoryboardResult | null = null;
  if (extras.storyboard) {
    const finished = await finishStoryboard(...extras.storyboard);
    if (finished.ok) storyboard = finished.result;
    else logger.warn('media: the ladder wrote only part of the storyboard', { missing: finished.missing });
  }
  const waveform = extras.waveform?.finish() ?? null;
  if (waveform && options.waveform) await writeWaveform(waveform, options.waveform.outputPath);
  return { poster, storyboard, waveform };
}
