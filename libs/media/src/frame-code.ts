import { detectFfmpegVersion, hasFpsModeOption } from './binaries';
import { runProcess } from './ffmpeg-runner';
import { decodeFrameCode, FRAME_CODE_BLACK, FRAME_CODE_LAYOUT, FRAME_CODE_WHITE } from './frame-code-reader';

function decimal(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * An ffmpeg `geq` filter drawing each frame's index N as 16 black/white blocks
 * (see frame-code-reader.ts) on a width×height picture; the rest of the picture is kept.
 */
export function frameCodeFilter(width: number, height: number): string {
  const { columns, rows, margin } = FRAME_CODE_LAYOUT;
  const x0 = width * margin;
  const y0 = height * margin;
  const cellWidth = (width * (1 - 2 * margin)) / columns;
  const cellHeight = (height * (1 - 2 * margin)) / rows;
  // Chroma planes are smaller: their X/Y are mapped back to luma coordinates.
  const inside = (x: string, y: string) =>
    `gte(${x},${decimal(x0)})*lt(${x},${decimal(width - x0)})*gte(${y},${decimal(y0)})*lt(${y},${decimal(height - y0)})`;
  const bit = `floor((X-${decimal(x0)})/${decimal(cellWidth)})+${columns}*floor((Y-${decimal(y0)})/${decimal(cellHeight)})`;
  const lum = `if(${inside('X', 'Y')},${FRAME_CODE_BLACK}+${FRAME_CODE_WHITE - FRAME_CODE_BLACK}*mod(floor(N/pow(2,${bit})),2),lum(X,Y))`;
  const chromaInside = inside(`(X*${width}/W)`, `(Y*${height}/H)`);
  if (rows * columns !== 16) throw new Error('The frame code has 16 blocks');
  return `geq=lum='${lum}':cb='if(${chromaInside},128,cb(X,Y))':cr='if(${chromaInside},128,cr(X,Y))'`;
}

export interface FrameCodedClipOptions {
  /** Output file; the extension picks the container (.mov for a timecode track). */
  path: string;
  fpsNum: number;
  fpsDen: number;
  frames: number;
  width: number;
  height: number;
  /** e.g. "01:00:00:00"; written as a tmcd track / timecode tag. */
  startTimecode?: string;
  /** Write the start timecode as drop-frame ("01:00:00;00"). */
  dropFrameTimecode?: boolean;
  /** Frames alternately last 1.25 and 0.75 frame periods; the average stays fpsNum/fpsDen. */
  variableRate?: boolean;
  /**
   * Frames left out, each index or [first, last] range, the others keeping their own times: a
   * variable-rate clip like a phone's or a screen recording's (frames 30–149 out: a 4 s static gap).
   */
  dropFrames?: ReadonlyArray<number | readonly [number, number]>;
  /** Add a stereo 440 Hz tone as long as the picture. */
  audio?: boolean;
  ffmpegPath?: string;
  signal?: AbortSignal;
}

/** Makes a test clip whose every frame shows its own index (lavfi sources, x264 with B-frames like camera files). */
export async function generateFrameCodedClip(options: FrameCodedClipOptions): Promise<void> {
  const ffmpegPath = options.ffmpegPath ?? 'ffmpeg';
  const version = await detectFfmpegVersion(ffmpegPath);
  const rate = `${options.fpsNum}/${options.fpsDen}`;
  // geq is slow per pixel: draw the code on a quarter-size canvas and scale it up with hard edges.
  const factor = options.width >= 128 && options.height >= 128 ? 4 : 1;
  const canvasWidth = Math.round(options.width / factor);
  const canvasHeight = Math.round(options.height / factor);
  const videoChain = [
    `color=c=0x808080:s=${canvasWidth}x${canvasHeight}:r=${rate}`,
    `trim=end_frame=${options.frames}`,
    'format=yuv420p',
    frameCodeFilter(canvasWidth, canvasHeight),
    `scale=${options.width}:${options.height}:flags=neighbor`,
  ];
  const outputArgs: string[] = [];
  const passthrough = hasFpsModeOption(version) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
  if (options.variableRate) {
    // Time base of a quarter frame; odd frames start a quarter late, so durations alternate 1.25 / 0.75.
    const timeBase = `${options.fpsDen}/${options.fpsNum * 4}`;
    videoChain.push(`settb=${timeBase}`, "setpts='4*N+mod(N,2)'");
    outputArgs.push(...passthrough, '-enc_time_base:v', timeBase);
  }
  if (options.dropFrames?.length) {
    const dropped = options.dropFrames.map((drop) =>
      typeof drop === 'number' ? `eq(n,${drop})` : `between(n,${drop[0]},${drop[1]})`,
    );
    videoChain.push(`select='not(${dropped.join('+')})'`);
    if (!options.variableRate) outputArgs.push(...passthrough);
  }
  const graph = [`${videoChain.join(',')}[v]`];
  if (options.audio) {
    const seconds = (options.frames * options.fpsDen) / options.fpsNum;
    graph.push(
      `sine=frequency=440:sample_rate=48000,atrim=end=${decimal(seconds)},aformat=channel_layouts=stereo[a]`,
    );
  }
  const args = [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-v',
    'error',
    '-filter_complex',
    graph.join(';'),
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '12',
    ...outputArgs,
  ];
  if (options.audio) args.push('-map', '[a]', '-c:a', 'aac', '-b:a', '128k');
  if (options.startTimecode) {
    const timecode = options.dropFrameTimecode
      ? options.startTimecode.replace(/:(\d\d)$/, ';$1')
      : options.startTimecode;
    args.push('-timecode', timecode);
  }
  args.push(options.path);
  await runProcess(ffmpegPath, args, { signal: options.signal, timeoutMs: 120_000 });
}

export interface ReadFrameCodesOptions {
  ffmpegPath?: string;
  signal?: AbortSignal;
  /** Size frames are scaled to before reading; small is fast and the blocks are large. */
  width?: number;
  height?: number;
  /** Filters applied before scaling, e.g. "transpose=clock" to undo a rotation. */
  filter?: string;
}

/**
 * Decodes every frame of a file (or an HLS playlist) to small grayscale pictures
 * through a pipe and reads each one's frame code; -1 where a frame is unreadable.
 */
export async function readFrameCodes(file: string, options: ReadFrameCodesOptions = {}): Promise<number[]> {
  const ffmpegPath = options.ffmpegPath ?? 'ffmpeg';
  const width = options.width ?? 128;
  const height = options.height ?? 72;
  const version = await detectFfmpegVersion(ffmpegPath);
  // Every decoded frame exactly once: no frame-rate conversion on the way out.
  const passthrough = hasFpsModeOption(version) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
  const frameBytes = width * height;
  const codes: number[] = [];
  let pending: Buffer = Buffer.alloc(0);
  await runProcess(
    ffmpegPath,
    [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-i',
      file,
      '-map',
      '0:v:0',
      '-vf',
      [options.filter, `scale=${width}:${height}:flags=area,format=gray`].filter(Boolean).join(','),
      ...passthrough,
      '-f',
      'rawvideo',
      'pipe:1',
    ],
    {
      signal: options.signal,
      timeoutMs: 300_000,
      onStdout: (chunk) => {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        while (pending.length >= frameBytes) {
          const frame = new Uint8Array(pending.buffer, pending.byteOffset, frameBytes);
          codes.push(decodeFrameCode(frame, width, height) ?? -1);
          pending = pending.subarray(frameBytes);
        }
      },
    },
  );
  if (pending.length) throw new Error(`ffmpeg ended with ${pending.length} bytes of a partial frame`);
  return codes;
}
