import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { ProcessingStage, Rendition, VersionMedia } from '@cutroom/contracts';
import {
  type MediaProbe,
  createPoster,
  createStoryboard,
  createWaveform,
  probeMedia,
  renditionTimeline,
  transcodeToHls,
} from '@cutroom/media';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { MediaBinariesProvider } from './media-binaries.js';
import { MediaFailure } from './media-failure.js';
import { mediaLogger } from './media-logger.js';
import { MediaStorage } from './media-storage.js';
import { VersionStatusService } from './version-status.js';

export interface PipelineContext {
  signal: AbortSignal;
  log: Logger;
  /** Progress within a stage; cheap to call often (the worker throttles it). */
  report(stage: ProcessingStage, percent: number, playable?: boolean): void;
  /** The smallest rendition has its first segments: people can start watching. */
  markPlayable(): Promise<void>;
}

/** What the frames of a version are, as comments and the player count them. */
export function versionMedia(probe: MediaProbe): VersionMedia {
  const timeline = renditionTimeline(probe);
  const video = probe.video;
  return {
    kind: probe.kind,
    fpsNum: timeline?.fpsNum ?? null,
    fpsDen: timeline?.fpsDen ?? null,
    frameCount: probe.kind === 'still' ? 1 : (timeline?.frameCount ?? null),
    durationSeconds: timeline?.durationSeconds ?? probe.durationSeconds,
    width: video?.displayWidth ?? null,
    height: video?.displayHeight ?? null,
    startTimecode: probe.startTimecode,
    dropFrame: probe.dropFrame,
    variableFrameRate: timeline?.fromVariableRate ?? false,
  };
}

/**
 * Turns an uploaded original into what reviewers watch: probe → HLS ladder (playable early) →
 * poster, storyboard, waveform → publish. Everything is written beside the version and made
 * visible by renames, so a worker killed at any point leaves nothing half-published.
 */
@Injectable()
export class VersionPipeline {
  constructor(
    private readonly storage: MediaStorage,
    private readonly binaries: MediaBinariesProvider,
    private readonly status: VersionStatusService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  async process(versionId: string, context: PipelineContext): Promise<void> {
    const { signal } = context;
    const logger = mediaLogger(context.log);
    const binaries = await this.binaries.get();
    const original = this.storage.originalPath(versionId);
    const versionDir = this.storage.versionDir(versionId);

    context.report('probe', 0);
    const probed = await probeMedia(original, { ffprobePath: binaries.ffprobePath, signal, logger });
    if (!probed.ok) throw new MediaFailure(probed.problem.reason, { cause: probed.problem.detail });
    const probe = probed.probe;
    const media = versionMedia(probe);
    await this.status.change(versionId, {
      status: 'processing',
      stage: probe.kind === 'still' ? 'thumbnails' : 'transcode',
      progress: 0,
      columns: { media, probe },
    });

    const partial = path.join(versionDir, 'hls.partial');
    await fs.rm(partial, { recursive: true, force: true });
    let renditions: Rendition[] = [];
    if (probe.kind !== 'still') {
      await fs.mkdir(partial, { recursive: true });
      const result = await transcodeToHls({
        binaries,
        input: original,
        outputDir: partial,
        probe,
        encoder: { preset: this.config.mediaPreset },
        onProgress: (progress) => context.report('transcode', progress.percent),
        onPlayable: () => {
          context
            .markPlayable()
            .catch((error) => context.log.warn({ err: error }, 'could not mark playable'));
        },
        signal,
        logger,
      });
      if (media.frameCount !== null && probe.kind === 'video' && result.frameCount !== media.frameCount) {
        throw new Error(`renditions hold ${result.frameCount} frames, the source ${media.frameCount}`);
      }
      renditions = result.video.map((rendition) => ({
        name: rendition.output.name,
        width: rendition.output.width ?? 0,
        height: rendition.output.height ?? 0,
        bandwidth: rendition.bandwidth,
      }));
    }

    context.report('thumbnails', 0);
    const work = await this.storage.workDir(versionId);
    try {
      const input = { binaries, input: original, probe, signal, logger };
      if (probe.video) await createPoster({ ...input, outputDir: work });
      context.report('thumbnails', 40);
      if (probe.kind === 'video')
        await createStoryboard({ ...input, outputDir: path.join(work, 'storyboard') });
      context.report('waveform', 0);
      if (probe.audio.length > 0)
        await createWaveform({ ...input, outputPath: path.join(work, 'waveform.json') });

      context.report('publish', 0);
      await publish(work, versionDir, ['poster.jpg', 'storyboard', 'waveform.json']);
      if (probe.kind !== 'still') await replace(partial, path.join(versionDir, 'hls'));
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
    await this.status.change(versionId, {
      status: 'ready',
      stage: null,
      progress: 100,
      playable: probe.kind !== 'still',
      columns: { renditions, ready_at: new Date() },
    });
  }
}

/** Moves what the work directory holds into the version's folder, replacing older copies. */
async function publish(work: string, versionDir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const from = path.join(work, name);
    try {
      await fs.access(from);
    } catch {
      continue;
    }
    await replace(from, path.join(versionDir, name));
  }
}

/** Puts `from` at `to` by rename; an earlier `to` (from a previous attempt) is moved aside first. */
async function replace(from: string, to: string): Promise<void> {
  const old = `${to}.old`;
  await fs.rm(old, { recursive: true, force: true });
  try {
    await fs.rename(to, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.rename(from, to);
  await fs.rm(old, { recursive: true, force: true });
}
