import { MediaProbe } from './probe-types';

/** One video rendition of the HLS ladder. */
export interface VideoRendition {
  /** "1080p": the short side of the picture, the way people name sizes (portrait too). */
  name: string;
  width: number;
  height: number;
  /** Peak rate the encoder is held to (VBV maxrate), in kbit/s. */
  maxBitrateKbps: number;
  /** VBV buffer, in kbit. */
  bufferKbits: number;
}

export interface LadderConfig {
  /** Short-side sizes to offer; the source's own size joins them when it sits between two. */
  rungs: readonly number[];
  /** A standard rung this close below the source's own size (relative) would look the same; it is left out. */
  nearRungTolerance: number;
  /** Bits per pixel at 1920×1080, 30 fps; smaller pictures get proportionally more. */
  bitsPerPixelAt1080p30: number;
}

export const DEFAULT_LADDER_CONFIG: LadderConfig = {
  rungs: [2160, 1080, 720, 540, 360],
  nearRungTolerance: 0.05,
  bitsPerPixelAt1080p30: 0.08,
};

const PIXELS_1080P = 1920 * 1080;

/** x264 (4:2:0) needs even sides: a picture under 2 pixels on a side has no rendition at all. */
export const MIN_RENDITION_SIDE = 2;

function even(value: number): number {
  return Math.max(MIN_RENDITION_SIDE, Math.round(value / 2) * 2);
}

function evenDown(value: number): number {
  return Math.floor(value / 2) * 2;
}

/** kbit/s for a picture size and frame rate: small pictures and low rates need fewer bits, but not linearly. */
export function maxBitrateKbps(width: number, height: number, fps: number, config: LadderConfig): number {
  const pixels = width * height;
  const bitsPerPixel = config.bitsPerPixelAt1080p30 * Math.pow(PIXELS_1080P / pixels, 0.25);
  const fpsFactor = Math.pow(fps / 30, 0.75);
  const kbps = (pixels * 30 * bitsPerPixel * fpsFactor) / 1000;
  return Math.max(100, Math.round(kbps / 10) * 10);
}

/**
 * The picture size for a short side, keeping the display aspect, both sides even and never above
 * the source's (an odd side loses its last pixel). The source must be at least 2×2.
 */
export function renditionSize(
  shortSide: number,
  display: { width: number; height: number },
): { width: number; height: number } {
  const landscape = display.width >= display.height;
  const sourceLong = Math.max(display.width, display.height);
  const sourceShort = Math.min(display.width, display.height);
  // Rounding must never make a side larger than the source's.
  const short = Math.min(even(shortSide), evenDown(sourceShort));
  const long = Math.min(even((shortSide * sourceLong) / sourceShort), evenDown(sourceLong));
  return landscape ? { width: long, height: short } : { width: short, height: long };
}

/**
 * The renditions for a source, largest first: standard sizes never above the source,
 * the source's own size on top when it sits between two, a single rung for tiny sources,
 * none for a picture under 2×2 (the probe refuses those with a reason).
 */
export function chooseLadder(
  probe: MediaProbe,
  config: LadderConfig = DEFAULT_LADDER_CONFIG,
): VideoRendition[] {
  const video = probe.video;
  if (!video || probe.kind !== 'video') return [];
  const display = { width: video.displayWidth, height: video.displayHeight };
  const sourceShort = Math.min(display.width, display.height);
  if (sourceShort < MIN_RENDITION_SIDE) return [];
  const fps = video.fpsNum / video.fpsDen;
  const rungs = [...new Set(config.rungs)].filter((rung) => rung > 0).sort((a, b) => b - a);
  const largest = rungs[0] ?? sourceShort;
  const smallest = rungs[rungs.length - 1] ?? sourceShort;

  let shortSides: number[];
  if (sourceShort <= smallest) {
    shortSides = [sourceShort];
  } else if (sourceShort >= largest) {
    shortSides = rungs;
  } else {
    const own = sourceShort;
    const below = rungs.filter(
      (rung) => rung <= sourceShort && rung < sourceShort * (1 - config.nearRungTolerance),
    );
    shortSides = rungs.includes(sourceShort) ? rungs.filter((rung) => rung <= sourceShort) : [own, ...below];
  }

  return shortSides.map((shortSide) => {
    const size = renditionSize(shortSide, display);
    const maxBitrate = maxBitrateKbps(size.width, size.height, fps, config);
    return {
      name: `${Math.min(size.width, size.height)}p`,
      ...size,
      maxBitrateKbps: maxBitrate,
      bufferKbits: maxBitrate * 2,
    };
  });
}
