import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries } from './binaries';
import { runFfmpeg } from './ffmpeg-runner';
import { buildHlsPlan, EncoderConfig, HlsOutput, HlsPlan, INIT_SEGMENT, primaryAudio } from './hls-args';
import { chooseLadder, DEFAULT_LADDER_CONFIG, LadderConfig } from './ladder';
import { MediaLogger, silentLogger } from './logger';
import { MasterAudio, MasterVariant, writeMasterPlaylist } from './master-playlist';
import {
  MediaPlaylist,
  parseMediaPlaylist,
  PublishedPlaylistType,
  writeMediaPlaylist,
} from './media-playlist';
import { readAudioCodec, readAvcCodec } from './mp4-codecs';
import { FfmpegProgress } from './progress';
import { MediaProbe } from './probe-types';

export const MASTER_PLAYLIST = 'master.m3u8';
export const MEDIA_PLAYLIST = 'index.m3u8';

export interface TranscodeHlsOptions {
  binaries: Pick<MediaBinaries, 'ffmpegPath' | 'ffmpegVersion'>;
  input: string;
  /** An empty working directory; the caller publishes it (e.g. by rename) when this resolves. */
  outputDir: string;
  probe: MediaProbe;
  ladder?: Partial<LadderConfig>;
  encoder?: Partial<EncoderConfig>;
  onProgress?: (progress: FfmpegProgress) => void;
  /**
   * Called once, as soon as the smallest rendition (and the audio) have a first
   * segment: `master.m3u8` then lists that rendition with an EVENT playlist.
   */
  onPlayable?: (master: string) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  logger?: MediaLogger;
}

export interface PublishedRendition {
  output: HlsOutput;
  /** Playlist path relative to the output directory, e.g. "720p/index.m3u8". */
  uri: string;
  codec: string;
  segments: number;
  bandwidth: number;
  averageBandwidth: number;
}

export interface HlsResult {
  plan: HlsPlan;
  /** Frames in every video rendition (segments are whole frames); 0 for audio only. */
  frameCount: number;
  masterPlaylist: string;
  video: PublishedRendition[];
  audio: PublishedRendition | null;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

async function readPlaylist(output: HlsOutput): Promise<MediaPlaylist | null> {
  try {
    return parseMediaPlaylist(await readFile(output.ffmpegPlaylist, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readCodec(output: HlsOutput): Promise<string> {
  const init = new Uint8Array(await readFile(path.join(output.dir, INIT_SEGMENT)));
  const codec = output.kind === 'video' ? readAvcCodec(init) : readAudioCodec(init);
  if (!codec) throw new Error(`No codec description in ${path.join(output.dir, INIT_SEGMENT)}`);
  return codec;
}

/** Peak and average bit/s over the segments on disk. */
async function measureBandwidth(output: HlsOutput, playlist: MediaPlaylist): Promise<[number, number]> {
  let peak = 0;
  let bits = 0;
  let seconds = 0;
  for (const segment of playlist.segments) {
    const { size } = await stat(path.join(output.dir, segment.uri));
    peak = Math.max(peak, (size * 8) / segment.durationSeconds);
    bits += size * 8;
    seconds += segment.durationSeconds;
  }
  return [Math.ceil(peak), Math.ceil(seconds > 0 ? bits / seconds : 0)];
}

function relativeUri(output: HlsOutput): string {
  return `${output.name}/${MEDIA_PLAYLIST}`;
}

/**
 * Transcodes a probed source to an HLS ladder in one ffmpeg run, publishing
 * growing EVENT playlists while it works and VOD playlists plus the master at the end.
 */
export async function transcodeToHls(options: TranscodeHlsOptions): Promise<HlsResult> {
  const logger = options.logger ?? silentLogger;
  const ladderConfig = { ...DEFAULT_LADDER_CONFIG, ...options.ladder };
  const plan = buildHlsPlan({
    input: options.input,
    outputDir: options.outputDir,
    probe: options.probe,
    renditions: chooseLadder(options.probe, ladderConfig),
    ffmpegVersion: options.binaries.ffmpegVersion,
    encoder: options.encoder,
  });
  for (const output of plan.outputs) await mkdir(output.dir, { recursive: true });
  const videoOutputs = plan.outputs.filter((output) => output.kind === 'video');
  const audioOutput = plan.outputs.find((output) => output.kind === 'audio') ?? null;
  const smallest = videoOutputs[videoOutputs.length - 1] ?? null;
  const published = new Map<HlsOutput, number>();
  let playable = false;

  const publish = async (output: HlsOutput, type: PublishedPlaylistType): Promise<MediaPlaylist | null> => {
    const playlist = await readPlaylist(output);
    if (!playlist || !playlist.mapUri) return null;
    if (type === 'EVENT' && published.get(output) === playlist.segments.length) return playlist;
    const text = writeMediaPlaylist(playlist, { type, targetDurationSeconds: plan.segmentSeconds });
    await writeAtomically(path.join(output.dir, MEDIA_PLAYLIST), text);
    published.set(output, playlist.segments.length);
    return playlist;
  };

  const master = async (final: Map<HlsOutput, PublishedRendition> | null): Promise<string> => {
    const variants: MasterVariant[] = [];
    let audio: MasterAudio | null = null;
    if (audioOutput) {
      const rendition = final?.get(audioOutput);
      const language = primaryAudio(options.probe)?.stream.language ?? null;
      const estimate = audioOutput.maxBitrateKbps * 1000;
      audio = {
        uri: relativeUri(audioOutput),
        codec: rendition?.codec ?? (await readCodec(audioOutput)),
        channels: audioOutput.channels ?? 2,
        bandwidth: rendition?.bandwidth ?? estimate,
        averageBandwidth: rendition?.averageBandwidth ?? estimate,
        language: language === 'und' ? null : language,
      };
    }
    for (const output of final ? videoOutputs : smallest ? [smallest] : []) {
      const rendition = final?.get(output);
      const estimate = output.maxBitrateKbps * 1000;
      variants.push({
        uri: relativeUri(output),
        bandwidth: (rendition?.bandwidth ?? estimate) + (audio?.bandwidth ?? 0),
        averageBandwidth: (rendition?.averageBandwidth ?? estimate) + (audio?.averageBandwidth ?? 0),
        width: output.width ?? 0,
        height: output.height ?? 0,
        fpsNum: plan.fpsNum,
        fpsDen: plan.fpsDen,
        videoCodec: rendition?.codec ?? (await readCodec(output)),
      });
    }
    const file = path.join(options.outputDir, MASTER_PLAYLIST);
    await writeAtomically(file, writeMasterPlaylist({ variants, audio }));
    return file;
  };

  // Progress reports double as the clock for publishing growing playlists; one refresh at a time.
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = async () => {
    for (const output of plan.outputs) await publish(output, 'EVENT');
    const firstOutputs = [smallest, audioOutput].filter((output): output is HlsOutput => output !== null);
    if (!playable && firstOutputs.every((output) => (published.get(output) ?? 0) > 0)) {
      playable = true;
      const file = await master(null);
      logger.info('media: playable while still processing', { master: file });
      options.onPlayable?.(file);
    }
  };

  await runFfmpeg(options.binaries.ffmpegPath, plan.args, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    logger,
    expected: { frames: plan.expectedFrames, durationSeconds: plan.durationSeconds },
    onProgress: (progress) => {
      options.onProgress?.(progress);
      refreshing = refreshing.then(refresh).catch((error) => {
        logger.warn('media: could not publish a growing playlist', { error: String(error) });
      });
    },
  });
  await refreshing;

  const final = new Map<HlsOutput, PublishedRendition>();
  let frameCount = 0;
  for (const output of plan.outputs) {
    const playlist = await publish(output, 'VOD');
    if (!playlist || playlist.segments.length === 0)
      throw new Error(`ffmpeg wrote no segments for ${output.name}`);
    if (output === videoOutputs[0]) {
      const seconds = playlist.segments.reduce((sum, segment) => sum + segment.durationSeconds, 0);
      frameCount = Math.round((seconds * plan.fpsNum) / plan.fpsDen);
    }
    const [bandwidth, averageBandwidth] = await measureBandwidth(output, playlist);
    final.set(output, {
      output,
      uri: relativeUri(output),
      codec: await readCodec(output),
      segments: playlist.segments.length,
      bandwidth,
      averageBandwidth,
    });
    await rm(output.ffmpegPlaylist, { force: true });
  }
  const masterPlaylist = await master(final);
  if (!playable) options.onPlayable?.(masterPlaylist);
  return {
    plan,
    frameCount,
    masterPlaylist,
    video: videoOutputs.map((output) => final.get(output) as PublishedRendition),
    audio: audioOutput ? (final.get(audioOutput) ?? null) : null,
  };
}
