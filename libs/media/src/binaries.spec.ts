import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { hasFpsModeOption, MediaBinaries, parseFfmpegVersion, resolveMediaBinaries } from './binaries';

describe('ffmpeg version', () => {
  it('reads numbered releases from the banner', () => {
    expect(parseFfmpegVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026')).toMatchObject({
      major: 5,
      minor: 1,
    });
    expect(parseFfmpegVersion('ffmpeg version n6.1.1 Copyright')).toMatchObject({ major: 6, minor: 1 });
    expect(parseFfmpegVersion('ffmpeg version 7.0 Copyright')).toMatchObject({ major: 7, minor: 0 });
  });

  it('reads git-snapshot builds (like the npm-shipped one) from libavcodec', () => {
    const snapshot = (lavc: string) =>
      parseFfmpegVersion(
        `ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/\nlibavcodec     ${lavc} / ${lavc}`,
      );
    expect(snapshot('58. 42.100')).toMatchObject({ major: 4, minor: 1 });
    expect(snapshot('58.134.100')).toMatchObject({ major: 4, minor: 4 });
    expect(snapshot('59. 37.100')).toMatchObject({ major: 5, minor: 1 });
    expect(snapshot('59. 18.100')).toMatchObject({ major: 5, minor: 0 });
    expect(snapshot('60. 31.102')).toMatchObject({ major: 6, minor: 1 });
    expect(snapshot('61. 19.100')).toMatchObject({ major: 7, minor: 1 });
  });

  it('refuses output that is not ffmpeg', () => {
    expect(() => parseFfmpegVersion('bash: ffmpeg: command not found')).toThrow(
      'Cannot tell the ffmpeg version',
    );
  });

  it('knows which releases spell -fps_mode', () => {
    expect(hasFpsModeOption({ major: 4, minor: 4 })).toBe(false);
    expect(hasFpsModeOption({ major: 5, minor: 0 })).toBe(false);
    expect(hasFpsModeOption({ major: 5, minor: 1 })).toBe(true);
    expect(hasFpsModeOption({ major: 7, minor: 0 })).toBe(true);
  });
});

describe('resolveMediaBinaries (real binaries on this machine)', () => {
  // The npm-shipped pair stands in for "a system's": these hold whether or not the machine has its own ffmpeg.
  let shipped: MediaBinaries;
  let systemDir: string;
  beforeAll(async () => {
    shipped = await resolveMediaBinaries({ searchPath: '/nonexistent' });
    systemDir = await mkdtemp(path.join(tmpdir(), 'cutroom-bin-'));
    await symlink(shipped.ffmpegPath, path.join(systemDir, 'ffmpeg'));
    await symlink(shipped.ffprobePath, path.join(systemDir, 'ffprobe'));
  });
  afterAll(() => rm(systemDir, { recursive: true, force: true }));

  it('uses explicit paths first', async () => {
    const binaries = await resolveMediaBinaries({
      ffmpegPath: shipped.ffmpegPath,
      ffprobePath: shipped.ffprobePath,
      searchPath: systemDir,
    });
    expect(binaries).toMatchObject({
      ffmpegPath: shipped.ffmpegPath,
      ffprobePath: shipped.ffprobePath,
      sources: { ffmpeg: 'option', ffprobe: 'option' },
      ffmpegVersion: { major: 4, minor: 1 },
    });
  });

  it("finds the system's on the PATH it is given", async () => {
    const binaries = await resolveMediaBinaries({ searchPath: `/nonexistent:${systemDir}` });
    expect(binaries).toMatchObject({
      ffmpegPath: path.join(systemDir, 'ffmpeg'),
      ffprobePath: path.join(systemDir, 'ffprobe'),
    });
    expect(binaries.sources).toEqual({ ffmpeg: 'path', ffprobe: 'path' });
  });

  it('falls back to the npm-shipped ffmpeg 4.1 when the PATH has none', () => {
    expect(shipped.sources).toEqual({ ffmpeg: 'npm', ffprobe: 'npm' });
    expect(shipped.ffmpegPath).toContain('@ffmpeg-installer');
    expect(shipped.ffprobePath).toContain('@ffprobe-installer');
    expect(shipped.ffmpegVersion).toMatchObject({ major: 4, minor: 1 });
  });
});
