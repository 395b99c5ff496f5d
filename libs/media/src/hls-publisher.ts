import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { HlsOutput, HlsPlan, INIT_SEGMENT } from './hls-args';
import { MasterAudio, MasterVariant, writeMasterPlaylist } from './master-playlist';
import {
  MediaPlaylist,
  parseMediaPlaylist,
  PublishedPlaylistType,
  writeMediaPlaylist,
} from './media-playlist';
import { readAudioCodec, readAvcCodec } from './mp4-codecs';

export const MASTER_PLAYLIST = 'master.m3u8';
export const MEDIA_PLAYLIST = 'index.m3u8';

export interface PublishedRendition {
  output: HlsOutput;
  /** Playlist path relative to the output directory, e.g. "720p/index.m3u8". */
  uri: string;
  codec: string;
  segments: number;
  bandwidth: number;
  averageBandwidth: number;
}

export interface PublishedLadder {
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
  const file = path.join(output.dir, INIT_SEGMENT);
  const init = new Uint8Array(await readFile(file));
  const codec = output.kind === 'video' ? readAvcCodec(init) : readAudioCodec(init);
  if (!codec) throw new Error(`No codec description in ${file}`);
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
 * Turns what ffmpeg writes into what players read. While ffmpeg runs, `refresh`
 * republishes each rendition's playlist (EVENT) and, once the smallest rendition
 * and the audio have a segment, writes a master listing just those. `finish`
 * publishes VOD playlists and the master with every rendition and measured bandwidth.
 */
export class HlsPublisher {
  private readonly published = new Map<HlsOutput, number>();
  private readonly videoOutputs: HlsOutput[];
  private readonly audioOutput: HlsOutput | null;
  private playable = false;

  constructor(
    private readonly plan: HlsPlan,
    private readonly outputDir: string,
    private readonly audioLanguage: string | null = null,
  ) {
    this.videoOutputs = plan.outputs.filter((output) => output.kind === 'video');
    this.audioOutput = plan.outputs.find((output) => output.kind === 'audio') ?? null;
  }

  get masterPlaylist(): string {
    return path.join(this.outputDir, MASTER_PLAYLIST);
  }

  get isPlayable(): boolean {
    return this.playable;
  }

  /** The outputs whose first segments make the version playable: the smallest rendition and the sound. */
  firstSegmentOutputs(): HlsOutput[] {
    const smallest = this.videoOutputs[this.videoOutputs.length - 1] ?? null;
    return [smallest, this.audioOutput].filter((output): output is HlsOutput => output !== null);
  }

  /** Publishes what ffmpeg has written so far; true when the version has just become playable. */
  async refresh(): Promise<boolean> {
    for (const output of this.plan.outputs) await this.publish(output, 'EVENT');
    const smallest = this.videoOutputs[this.videoOutputs.length - 1] ?? null;
    const first = this.firstSegmentOutputs();
    if (this.playable || !first.every((output) => (this.published.get(output) ?? 0) > 0)) return false;
    await this.writeMaster(smallest ? [smallest] : [], null);
    this.playable = true;
    return true;
  }

  /** After ffmpeg has exited successfully: VOD playlists, the full master, ffmpeg's own playlists removed. */
  async finish(): Promise<PublishedLadder> {
    const final = new Map<HlsOutput, PublishedRendition>();
    let frameCount = 0;
    for (const output of this.plan.outputs) {
      const playlist = await this.publish(output, 'VOD');
      if (!playlist || playlist.segments.length === 0)
        throw new Error(`ffmpeg wrote no segments for ${output.name}`);
      if (output === this.videoOutputs[0]) {
        const seconds = playlist.segments.reduce((sum, segment) => sum + segment.durationSeconds, 0);
        frameCount = Math.round((seconds * this.plan.fpsNum) / this.plan.fpsDen);
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
    }
    await this.writeMaster(this.videoOutputs, final);
    for (const output of this.plan.outputs) await rm(output.ffmpegPlaylist, { force: true });
    this.playable = true;
    return {
      frameCount,
      masterPlaylist: this.masterPlaylist,
      video: this.videoOutputs.map((output) => final.get(output) as PublishedRendition),
      audio: this.audioOutput ? (final.get(this.audioOutput) ?? null) : null,
    };
  }

  private async publish(output: HlsOutput, type: PublishedPlaylistType): Promise<MediaPlaylist | null> {
    const playlist = await readPlaylist(output);
    if (!playlist || !playlist.mapUri) return null;
    if (type === 'EVENT' && this.published.get(output) === playlist.segments.length) return playlist;
    const text = writeMediaPlaylist(playlist, { type, targetDurationSeconds: this.plan.segmentSeconds });
    await writeAtomically(path.join(output.dir, MEDIA_PLAYLIST), text);
    this.published.set(output, playlist.segments.length);
    return playlist;
  }

  /** Without measurements (early), bandwidth is the encoder's cap. */
  private async writeMaster(
    videoOutputs: HlsOutput[],
    final: Map<HlsOutput, PublishedRendition> | null,
  ): Promise<void> {
    let audio: MasterAudio | null = null;
    if (this.audioOutput) {
      const measured = final?.get(this.audioOutput);
      const estimate = this.audioOutput.maxBitrateKbps * 1000;
      audio = {
        uri: relativeUri(this.audioOutput),
        codec: measured?.codec ?? (await readCodec(this.audioOutput)),
        channels: this.audioOutput.channels ?? 2,
        bandwidth: measured?.bandwidth ?? estimate,
        averageBandwidth: measured?.averageBandwidth ?? estimate,
        language: this.audioLanguage === 'und' ? null : this.audioLanguage,
      };
    }
    const variants: MasterVariant[] = [];
    for (const output of videoOutputs) {
      const measured = final?.get(output);
      const estimate = output.maxBitrateKbps * 1000;
      variants.push({
        uri: relativeUri(output),
        bandwidth: (measured?.bandwidth ?? estimate) + (audio?.bandwidth ?? 0),
        averageBandwidth: (measured?.averageBandwidth ?? estimate) + (audio?.averageBandwidth ?? 0),
        width: output.width ?? 0,
        height: output.height ?? 0,
        fpsNum: this.plan.fpsNum,
        fpsDen: this.plan.fpsDen,
        videoCodec: measured?.codec ?? (await readCodec(output)),
      });
    }
    await writeAtomically(this.masterPlaylist, writeMasterPlaylist({ variants, audio }));
  }
}
