import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { ProcessingStage, Rendition, VersionMedia } from '@cutroom/contracts';
import {
  type MediaProbe,
  createPoster,
  createStoryboard,
  probeMedia,
  renditionTimeline,
  SIGNATURES_FILE,
  transcodeToHls,
} from '@cutroom/media';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { MediaBinariesProvider } from './media-binaries.js';
import { MediaFailure } from './media-failure.js';
import { mediaLogger } from './media-logger.js';
import { isDiskFull, NEARLY_FULL_BYTES } from './disk-full.js';
import type { StageTimes } from './job-queue.js';
import { MediaStorage } from './media-storage.js';
import { killOrphanedFfmpeg } from './orphaned-ffmpeg.js';
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
    conformed: timeline?.fromVariableRate ?? false,
    sourceAverageFps: timeline?.sourceAverageFps ? Math.round(timeline.sourceAverageFps * 1000) / 1000 : null,
    hasAudio: probe.audio.length > 0,
  };
}

/**
 * Turns an uploaded original into what reviewers watch: probe → HLS ladder (playable early), with
 * the poster, storyboard and waveform from the same decode → publish. Everything is written beside the version and made
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

  /**
   * A failed attempt leaves nothing to watch: its renditions so far are removed (and with them the
   * space they took). A full disk is a failure a person must act on, not one to retry.
   */
  async process(versionId: string, context: PipelineContext): Promise<StageTimes> {
    const attempt: Attempt = {};
    try {
      return await this.run(versionId, context, attempt);
    } catch (error) {
      // The failure is recorded after any status write still on its way, never overtaken by it.
      await attempt.pendingWrite?.catch(() => undefined);
      const diskFull =
        !(error instanceof MediaFailure) &&
        (isDiskFull(error) || (await this.storage.freeBytes().catch(() => Infinity)) < NEARLY_FULL_BYTES);
      if (attempt.dir) await discardAttempt(this.storage.versionDir(versionId), attempt.dir);
      if (diskFull) {
        throw new MediaFailure(
          'The server ran out of disk space while processing this version. Ask an administrator to free space, then upload the file again.',
          { cause: error },
        );
      }
      throw error;
    }
  }

  private async run(versionId: string, context: PipelineContext, attempt: Attempt): Promise<StageTimes> {
    const { signal } = context;
    const logger = mediaLogger(context.log);
    const binaries = await this.binaries.get();
    const original = this.storage.originalPath(versionId);
    const versionDir = this.storage.versionDir(versionId);

    const timings: StageTimes = {};
    const since = (started: number) => Math.round(performance.now() - started);
    let stageStarted = performance.now();
    const lap = (stage: string) => {
      timings[stage] = since(stageStarted);
      stageStarted = performance.now();
    };
    context.report('probe', 0);
    // An ffmpeg left by a dead worker is looked for while the file is probed.
    const [probed, orphans] = await Promise.all([
      probeMedia(original, { ffprobePath: binaries.ffprobePath, signal, logger }),
      killOrphanedFfmpeg(versionDir),
    ]);
    if (orphans.length)
      context.log.warn({ pids: orphans }, 'stopped ffmpeg left running by a worker that died');
    if (!probed.ok) throw new MediaFailure(probed.problem.reason, { cause: probed.problem.detail });
    const probe = probed.probe;
    const media = versionMedia(probe);
    lap('probe');
    // Written while ffmpeg starts: nobody waits on it but the playable mark, which follows it.
    const probeWriteStarted = performance.now();
    let probeStored = false;
    const probeWritten = this.status
      .change(versionId, {
        status: 'processing',
        stage: probe.kind === 'still' ? 'thumbnails' : 'transcode',
        progress: 0,
        columns: { media, probe },
      })
      .then(() => {
        probeStored = true;
        timings.probeWrite = since(probeWriteStarted);
      });
    probeWritten.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled
    attempt.pendingWrite = probeWritten;

    let renditions: Rendition[] = [];
    const work = await this.storage.workDir(versionId);
    const niceness = this.config.mediaNiceness;
    const input = { binaries, input: original, probe, signal, logger, niceness };
    try {
      if (probe.kind === 'still') {
        context.report('thumbnails', 0);
        await createPoster({ ...input, outputDir: work });
        lap('poster');
      } else {
        const partial = await freshAttemptDir(versionDir);
        attempt.dir = partial;
        const picture = probe.kind === 'video';
        const ladderStarted = performance.now();
        // One decode of the original makes everything: the renditions, the frame signatures, the
        // poster, the storyboard and the waveform's samples.
        const result = await transcodeToHls({
          binaries,
          input: original,
          outputDir: partial,
          probe,
          encoder: { preset: this.config.mediaPreset },
          // Published with the renditions (hls/): the frame map between versions reads them.
          signaturesPath: picture ? path.join(partial, SIGNATURES_FILE) : undefined,
          poster: picture ? { outputDir: work } : undefined,
          storyboard: picture ? { outputDir: path.join(work, 'storyboard') } : undefined,
          waveform: { outputPath: path.join(work, 'waveform.json') },
          niceness,
          onProgress: (progress) => probeStored && context.report('transcode', progress.percent),
          onPlayable: () => {
            timings.firstSegment = since(ladderStarted);
            const playableWriteStarted = performance.now();
            probeWritten
              .then(() => context.markPlayable())
              .then(() => {
                timings.playableWrite = since(playableWriteStarted);
              })
              .catch((error) => context.log.warn({ err: error }, 'could not mark playable'));
          },
          signal,
          logger,
        });
        if (picture && result.frameCount !== media.frameCount) {
          // The renditions are what everyone sees and counts frames in. They differ from the
          // packets counted when the container's timing disagrees with its declared rate
          // (Matroska hides variable rates; edit lists, soft telecine).
          context.log.warn(
            { probedFrames: media.frameCount, renditionFrames: result.frameCount },
            "the source was not constant-rate after all; using the renditions' frames",
          );
          media.frameCount = result.frameCount;
          media.variableFrameRate ||=
            !probe.video?.variableFrameRate && result.frameCount > (probe.video?.frameCount ?? 0);
          media.conformed = media.variableFrameRate;
          if (media.fpsNum && media.fpsDen)
            media.durationSeconds = (result.frameCount * media.fpsDen) / media.fpsNum;
        }
        lap('ladder');
        renditions = result.video.map((rendition) => ({
          name: rendition.output.name,
          width: rendition.output.width ?? 0,
          height: rendition.output.height ?? 0,
          bandwidth: rendition.bandwidth,
        }));
        // The frames the probe promised did not all come: what needed them is made again on its own.
        if (picture && !result.poster) {
          context.report('thumbnails', 0);
          await createPoster({ ...input, outputDir: work });
          lap('poster');
        }
        const smallest = result.video.at(-1);
        if (picture && !result.storyboard) {
          context.report('thumbnails', 50);
          await createStoryboard({
            ...input,
            input: smallest ? path.join(partial, smallest.uri) : original,
            outputDir: path.join(work, 'storyboard'),
          });
          lap('storyboard');
        }
      }
      context.report('publish', 0);
      await publish(work, versionDir, ['poster.jpg', 'storyboard', 'waveform.json']);
      if (attempt.dir) await replace(attempt.dir, path.join(versionDir, 'hls'));
      await fs.rm(path.join(versionDir, PARTIAL_LINK), { force: true });
      lap('publish');
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
    await probeWritten;
    await this.status.change(versionId, {
      status: 'ready',
      stage: null,
      progress: 100,
      playable: probe.kind !== 'still',
      columns: { media, renditions, ready_at: new Date() },
    });
    lap('readyWrite');
    context.log.info({ stageMs: timings }, 'version published');
    return timings;
  }
}

interface Attempt {
  /** This attempt's renditions folder. */
  dir?: string;
  /** A status write not awaited where it started. */
  pendingWrite?: Promise<void>;
}

/** What the player reads while a version is still processing: a link to the current attempt's folder. */
export const PARTIAL_LINK = 'hls.partial';

/**
 * A new folder for this attempt's renditions, and the `hls.partial` link pointed at it
 * (atomically). Earlier attempts' folders are removed: their ffmpeg is gone or stopped.
 */
async function freshAttemptDir(versionDir: string): Promise<string> {
  await fs.mkdir(versionDir, { recursive: true });
  for (const name of await fs.readdir(versionDir)) {
    if (name.startsWith(`${PARTIAL_LINK}.`))
      await fs.rm(path.join(versionDir, name), { recursive: true, force: true });
  }
  const attempt = `${PARTIAL_LINK}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const dir = path.join(versionDir, attempt);
  await fs.mkdir(dir);
  const link = path.join(versionDir, `${attempt}.link`);
  await fs.symlink(attempt, link);
  await fs.rename(link, path.join(versionDir, PARTIAL_LINK));
  return dir;
}

/** Removes an attempt's folder, and the `hls.partial` link when it still points there (not another worker's). */
async function discardAttempt(versionDir: string, dir: string): Promise<void> {
  const link = path.join(versionDir, PARTIAL_LINK);
  const target = await fs.readlink(link).catch(() => undefined);
  if (target === path.basename(dir)) await fs.rm(link, { force: true });
  await fs.rm(dir, { recursive: true, force: true });
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
