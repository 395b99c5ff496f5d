import { FSWatcher, watch } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { MediaBinaries } from './binaries';
import { runFfmpeg } from './ffmpeg-runner';
import { buildHlsPlan, EncoderConfig, FFMPEG_PLAYLIST, HlsPlan, primaryAudio } from './hls-args';
import { HlsPublisher, PublishedLadder } from './hls-publisher';
import { chooseLadder, DEFAULT_LADDER_CONFIG, LadderConfig } from './ladder';
import { MediaLogger, silentLogger } from './logger';
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
}

/**
 * Transcodes a probed source to an HLS ladder in one ffmpeg run, publishing
 * growing EVENT playlists while it works and VOD playlists plus the master at the end.
 */
export async function transcodeToHls(options: TranscodeHlsOptions): Promise<HlsResult> {
  const logger = options.logger ?? silentLogger;
  const plan = buildHlsPlan({
    input: options.input,
    outputDir: options.outputDir,
    probe: options.probe,
    renditions: chooseLadder(options.probe, { ...DEFAULT_LADDER_CONFIG, ...options.ladder }),
    ffmpegVersion: options.binaries.ffmpegVersion,
    encoder: options.encoder,
    signaturesPath: options.signaturesPath,
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
  return { plan, ...published };
}
