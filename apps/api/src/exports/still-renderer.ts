import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Annotation } from '@cutroom/contracts';
import { rasterizeDrawing } from '@cutroom/exports';
import {
  finishStill,
  frameGrabPlans,
  type MediaProbe,
  runFrameGrab,
  type StillSize,
  type StillText,
} from '@cutroom/media';
import { MediaBinariesProvider } from '../media/media-binaries.js';
import { MediaStorage } from '../media/media-storage.js';

const require = createRequire(import.meta.url);

/** The TrueType fonts shipped with the app (DejaVu: Latin, Greek, Cyrillic, Arabic, Hebrew, …). */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** ffmpeg decodes at most this many stills at once, across every export on this process. */
const MAX_PARALLEL_DECODES = Math.max(1, Math.min(4, Math.floor(os.availableParallelism() / 2)));

export interface StillRequest {
  frame: number;
  annotation: Annotation | null;
}

/** Waits its turn: a small semaphore so many exports at once cannot start hundreds of ffmpegs. */
class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

/** An even size no wider than `maxWidth`, keeping the picture's shape. */
export function stillSize(display: StillSize, maxWidth: number): StillSize {
  const width = Math.min(maxWidth, display.width);
  const even = (value: number) => Math.max(2, 2 * Math.round(value / 2));
  return { width: even(width), height: even((width * display.height) / display.width) };
}

/**
 * Stills of a version's own frames — a frame-exact decode of its original, not a screenshot —
 * with each note's drawing burned in (lines rasterised here, text set by ffmpeg in DejaVu Sans).
 */
@Injectable()
export class StillRenderer {
  private readonly turns = new Turns(MAX_PARALLEL_DECODES);

  constructor(
    private readonly storage: MediaStorage,
    private readonly binaries: MediaBinariesProvider,
  ) {}

  async render(
    versionId: string,
    probe: MediaProbe,
    stills: readonly StillRequest[],
    size: StillSize,
    format: 'png' | 'jpeg',
  ): Promise<Buffer[]> {
    const { ffmpegPath, ffmpegVersion } = await this.binaries.get();
    const input = this.storage.originalPath(versionId);
    const work = await mkdtemp(path.join(os.tmpdir(), 'cutroom-stills-'));
    try {
      // Nearby frames come from one decode each, already in the format asked; drawn ones get their drawing.
      const prefix = path.join(work, 'frame-');
      const plans = frameGrabPlans(
        probe,
        input,
        stills.map((still) => still.frame),
        size,
        prefix,
        ffmpegVersion,
        format,
      );
      const grabbed = await Promise.all(
        plans.map((plan, index) => this.turns.run(() => runFrameGrab(ffmpegPath, plan, prefix, index))),
      );
      const pictures = new Map(grabbed.flatMap((map) => [...map]));
      const last = Math.max(...pictures.keys());
      return await Promise.all(
        stills.map((still, index) =>
          this.turns.run(async () => {
            const picture = pictures.get(Math.min(Math.max(0, still.frame), last)) ?? pictures.get(last)!;
            if (!still.annotation) return readFile(picture);
            const drawing = await this.writeDrawing(work, index, still.annotation, size);
            return finishStill(ffmpegPath, {
              picture,
              ...size,
              ...drawing,
              fontFile: FONT_FILES.regular,
              format,
            });
          }),
        ),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async writeDrawing(
    work: string,
    index: number,
    annotation: Annotation,
    size: StillSize,
  ): Promise<{ overlayPath: string; texts: StillText[] }> {
    const raster = rasterizeDrawing(annotation, size.width, size.height);
    const overlayPath = path.join(work, `${index}.rgba`);
    await writeFile(overlayPath, raster.rgba);
    const texts = await Promise.all(
      raster.texts.map(async (text, n) => {
        const textFile = path.join(work, `${index}-${n}.txt`);
        await writeFile(textFile, text.text);
        return { textFile, x: text.x, y: text.y, size: text.size, colour: text.colour };
      }),
    );
    return { overlayPath, texts };
  }
}
