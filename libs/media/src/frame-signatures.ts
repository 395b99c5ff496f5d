import { MediaBinaries, hasFpsModeOption } from './binaries';
import { runProcess } from './ffmpeg-runner';

/**
 * Frame signatures: each frame of a version as an 8×8 grey thumbnail (one byte a pixel, area
 * average of the whole picture), written by one more output of the ladder's ffmpeg run, so the
 * source is decoded once. The file is the thumbnails one after another: 64 bytes a frame
 * (11 MB for two hours at 24 fps). libs/media/src/align compares them.
 */
export const SIGNATURE_SIDE = 8;
export const SIGNATURE_BYTES = SIGNATURE_SIDE * SIGNATURE_SIDE;
/** The file beside a version's renditions. */
export const SIGNATURES_FILE = 'frame-signatures.gray';

/** The filter that turns a decoded picture into its signature. */
export const SIGNATURE_FILTER = `scale=${SIGNATURE_SIDE}:${SIGNATURE_SIDE}:flags=area,format=gray`;

/** ffmpeg output options writing the signatures of the frames in `label` to `file`. */
export function signatureOutputArgs(label: string, file: string, passthrough: readonly string[]): string[] {
  return ['-map', label, ...passthrough, '-map_metadata', '-1', '-f', 'rawvideo', file];
}

/** The frame count a signatures file holds; null when it is not whole frames. */
export function signatureFrameCount(byteLength: number): number | null {
  return byteLength % SIGNATURE_BYTES === 0 ? byteLength / SIGNATURE_BYTES : null;
}

export interface WriteSignaturesOptions {
  binaries: Pick<MediaBinaries, 'ffmpegPath' | 'ffmpegVersion'>;
  /** A file or playlist whose frames are the version's: its smallest rendition decodes fastest. */
  input: string;
  outputPath: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Signatures of a version processed before they existed, from one of its renditions. */
export async function writeSignatures(options: WriteSignaturesOptions): Promise<void> {
  const passthrough = hasFpsModeOption(options.binaries.ffmpegVersion)
    ? ['-fps_mode', 'passthrough']
    : ['-vsync', 'passthrough'];
  await runProcess(
    options.binaries.ffmpegPath,
    [
      '-hide_banner',
      '-nostdin',
      '-y',
      '-v',
      'error',
      '-i',
      options.input,
      '-map',
      '0:v:0',
      '-vf',
      SIGNATURE_FILTER,
      ...passthrough,
      '-f',
      'rawvideo',
      options.outputPath,
    ],
    { signal: options.signal, timeoutMs: options.timeoutMs ?? 3_600_000 },
  );
}
