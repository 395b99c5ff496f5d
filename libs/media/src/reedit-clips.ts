import { detectFfmpegVersion, hasFpsModeOption } from './binaries';
import { runProcess } from './ffmpeg-runner';
import { frameCodeFilter } from './frame-code';

/** Moving lavfi pictures, one per shot; each is unlike the others. */
const SHOT_SOURCES = [
  'testsrc2=s=320x180',
  'mandelbrot=s=320x180:end_scale=0.01',
  'life=s=320x180:mold=10:ratio=0.5:death_color=#203040:life_color=#e0c080:seed=7',
  'testsrc=s=320x180',
  'cellauto=s=320x180:rule=30:seed=3',
];
/** The frame code's box: the lower right quarter of the width and 2/5 of the height. */
export const REEDIT_CODE_CROP = 'crop=iw/4:ih*2/5:iw*3/4:ih*3/5';

export interface ReeditSourceOptions {
  path: string;
  /** Frames per shot; shots = its length (up to 5). */
  shotFrames: readonly number[];
  ffmpegPath?: string;
}

/**
 * Version 1 of a re-edit test: several moving shots at 25 fps, 320×180, each frame's index drawn
 * as a frame code (frame-code-reader.ts) in the lower right corner; read it back with
 * `readFrameCodes(file, { filter: REEDIT_CODE_CROP })`.
 */
export async function generateReeditSource(options: ReeditSourceOptions): Promise<void> {
  if (options.shotFrames.length > SHOT_SOURCES.length) throw new Error('At most 5 shots');
  const total = options.shotFrames.reduce((sum, frames) => sum + frames, 0);
  const shots = options.shotFrames.map(
    (frames, shot) =>
      `${SHOT_SOURCES[shot]}:r=25,trim=end_frame=${frames},setpts=PTS-STARTPTS,format=yuv420p[shot${shot}]`,
  );
  const labels = options.shotFrames.map((_, shot) => `[shot${shot}]`).join('');
  const graph = [
    ...shots,
    `${labels}concat=n=${options.shotFrames.length}:v=1:a=0[shots]`,
    `color=c=0x808080:s=80x72:r=25,trim=end_frame=${total},format=yuv420p,${frameCodeFilter(80, 72)}[code]`,
    '[shots][code]overlay=x=W*3/4:y=H*3/5:shortest=1[v]',
  ];
  await encode(options.ffmpegPath, ['-filter_complex', graph.join(';'), '-map', '[v]'], options.path, 18);
}

export interface ReeditOptions {
  source: string;
  path: string;
  /** Frames of the source to leave out: indices or [first, last] ranges. */
  cut: ReadonlyArray<number | readonly [number, number]>;
  /** A new moving shot of `frames` frames goes in before the (edited) frame `at`. */
  insert: { at: number; frames: number };
  width: number;
  height: number;
  bitrateKbps: number;
  /**
   * Frames per second of the re-edit (an ffmpeg rate: `25`, `24000/1001`); the source's 25 by
   * default. Another rate conforms it: the same pictures, one per frame, at the new rate.
   */
  rate?: string;
  ffmpegPath?: string;
}

/**
 * Version 2: the source re-edited (frames cut, a shot inserted), scaled and re-encoded at another
 * bitrate, at the source's or another frame rate.
 */
export async function generateReedit(options: ReeditOptions): Promise<void> {
  const cut = options.cut.map((drop) =>
    typeof drop === 'number' ? `eq(n,${drop})` : `between(n,${drop[0]},${drop[1]})`,
  );
  const { at, frames } = options.insert;
  const rate = options.rate ?? '25';
  const graph = [
    `[0:v:0]select='not(${cut.join('+')})',setpts=N/(${rate})/TB,fps=${rate},split[x][y]`,
    `[x]trim=end_frame=${at},setpts=PTS-STARTPTS[head]`,
    `[y]trim=start_frame=${at},setpts=PTS-STARTPTS[tail]`,
    `life=s=320x180:r=${rate}:mold=5:seed=42:life_color=#40a0ff,trim=end_frame=${frames},format=yuv420p,drawbox=x=iw*3/4:y=ih*3/5:w=iw/4:h=ih*2/5:color=gray:t=fill[new]`,
    `[head][new][tail]concat=n=3:v=1:a=0,scale=${options.width}:${options.height},setsar=1[v]`,
  ];
  await encode(
    options.ffmpegPath,
    [
      '-i',
      options.source,
      '-filter_complex',
      graph.join(';'),
      '-map',
      '[v]',
      '-b:v',
      `${options.bitrateKbps}k`,
    ],
    options.path,
  );
}

async function encode(ffmpegPath = 'ffmpeg', args: string[], output: string, crf?: number): Promise<void> {
  const version = await detectFfmpegVersion(ffmpegPath);
  const passthrough = hasFpsModeOption(version) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
  await runProcess(
    ffmpegPath,
    [
      '-hide_banner',
      '-nostdin',
      '-y',
      '-v',
      'error',
      ...args,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      ...(crf === undefined ? [] : ['-crf', String(crf)]),
      '-pix_fmt',
      'yuv420p',
      ...passthrough,
      output,
    ],
    { timeoutMs: 120_000 },
  );
}
