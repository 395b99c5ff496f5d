import { constants } from 'node:fs';
import { access, chmod } from 'node:fs/promises';
import * as path from 'node:path';
import { runProcess } from './ffmpeg-runner';
import { MediaLogger, silentLogger } from './logger';

/** ffmpeg's release (4.1, 5.1, …), which decides a few option spellings. */
export interface FfmpegVersion {
  major: number;
  minor: number;
  /** The first line of `ffmpeg -version`. */
  banner: string;
}

export type BinarySource = 'option' | 'path' | 'npm';

export interface MediaBinaries {
  ffmpegPath: string;
  ffprobePath: string;
  ffmpegVersion: FfmpegVersion;
  sources: { ffmpeg: BinarySource; ffprobe: BinarySource };
}

export interface ResolveBinariesOptions {
  /** Explicit paths (the api's FFMPEG_PATH / FFPROBE_PATH); used as given. */
  ffmpegPath?: string;
  ffprobePath?: string;
  /**
   * The PATH to search, from the api's config. Without it, the bare command
   * names are tried, which the operating system looks up on the process's PATH.
   */
  searchPath?: string;
  /** Skip the system binaries (tests use this to run the npm-shipped ffmpeg). */
  preferNpm?: boolean;
  logger?: MediaLogger;
}

// libavcodec major.minor of each release, newest first; builds named by git hash
// ("N-47683-g0e8eb07980-static", like the npm-shipped one) only tell us these.
const LIBAVCODEC_RELEASES: ReadonlyArray<[number, number, number, number]> = [
  [62, 0, 8, 0],
  [61, 19, 7, 1],
  [61, 0, 7, 0],
  [60, 31, 6, 1],
  [60, 0, 6, 0],
  [59, 37, 5, 1],
  [59, 0, 5, 0],
  [58, 134, 4, 4],
  [58, 91, 4, 3],
  [58, 54, 4, 2],
  [58, 35, 4, 1],
  [58, 0, 4, 0],
];

/** Reads the release from `ffmpeg -version` output. */
export function parseFfmpegVersion(versionOutput: string): FfmpegVersion {
  const banner = versionOutput.split('\n')[0]?.trim() ?? '';
  const release = /version\s+n?(\d+)\.(\d+)/i.exec(banner);
  if (release) return { major: Number(release[1]), minor: Number(release[2]), banner };
  const lavc = /libavcodec\s+(\d+)\.\s*(\d+)/.exec(versionOutput);
  if (lavc) {
    const major = Number(lavc[1]);
    const minor = Number(lavc[2]);
    for (const [lavcMajor, lavcMinor, ffMajor, ffMinor] of LIBAVCODEC_RELEASES) {
      if (major > lavcMajor || (major === lavcMajor && minor >= lavcMinor)) {
        return { major: ffMajor, minor: ffMinor, banner };
      }
    }
  }
  throw new Error(`Cannot tell the ffmpeg version from: ${banner || '(no output)'}`);
}

/** Runs `ffmpeg -version` and reads the release. */
export async function detectFfmpegVersion(ffmpegPath: string): Promise<FfmpegVersion> {
  const { stdout } = await runProcess(ffmpegPath, ['-version'], { timeoutMs: 10_000 });
  return parseFfmpegVersion(stdout.toString('utf8'));
}

/** True where ffmpeg understands `-fps_mode` (5.1 and later); older ones spell it `-vsync`. */
export function hasFpsModeOption(version: Pick<FfmpegVersion, 'major' | 'minor'>): boolean {
  return version.major > 5 || (version.major === 5 && version.minor >= 1);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string, searchPath: string | undefined): Promise<string | null> {
  if (searchPath === undefined) {
    // Let the OS resolve the bare name; it is usable if it runs.
    try {
      await runProcess(name, ['-version'], { timeoutMs: 10_000 });
      return name;
    } catch {
      return null;
    }
  }
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function npmBinary(name: 'ffmpeg' | 'ffprobe', logger: MediaLogger): Promise<string | null> {
  try {
    const installer =
      name === 'ffmpeg'
        ? await import('@ffmpeg-installer/ffmpeg')
        : await import('@ffprobe-installer/ffprobe');
    const file =
      (installer as { path?: string; default?: { path?: string } }).default?.path ?? installer.path;
    if (!file) return null;
    if (!(await isExecutable(file))) {
      // npm does not always keep the executable bit (e.g. installs with --ignore-scripts).
      logger.info('media: making the npm-shipped binary executable', { file });
      await chmod(file, 0o755);
    }
    return file;
  } catch (error) {
    logger.debug('media: no npm-shipped binary', { name, error: String(error) });
    return null;
  }
}

async function resolveOne(
  name: 'ffmpeg' | 'ffprobe',
  explicit: string | undefined,
  options: ResolveBinariesOptions,
  logger: MediaLogger,
): Promise<{ file: string; source: BinarySource }> {
  if (explicit) return { file: explicit, source: 'option' };
  if (!options.preferNpm) {
    const onPath = await findOnPath(name, options.searchPath);
    if (onPath) return { file: onPath, source: 'path' };
  }
  const shipped = await npmBinary(name, logger);
  if (shipped) return { file: shipped, source: 'npm' };
  throw new Error(
    `No ${name} found: set ${name.toUpperCase()}_PATH, install ${name} on the PATH, ` +
      `or install the @${name}-installer/${name} npm package`,
  );
}

/** Finds ffmpeg and ffprobe: explicit option, else the system's, else the npm-shipped ones. */
export async function resolveMediaBinaries(options: ResolveBinariesOptions = {}): Promise<MediaBinaries> {
  const logger = options.logger ?? silentLogger;
  const ffmpeg = await resolveOne('ffmpeg', options.ffmpegPath, options, logger);
  const ffprobe = await resolveOne('ffprobe', options.ffprobePath, options, logger);
  const ffmpegVersion = await detectFfmpegVersion(ffmpeg.file);
  logger.info('media: binaries', {
    ffmpeg: ffmpeg.file,
    ffprobe: ffprobe.file,
    version: `${ffmpegVersion.major}.${ffmpegVersion.minor}`,
  });
  return {
    ffmpegPath: ffmpeg.file,
    ffprobePath: ffprobe.file,
    ffmpegVersion,
    sources: { ffmpeg: ffmpeg.source, ffprobe: ffprobe.source },
  };
}
