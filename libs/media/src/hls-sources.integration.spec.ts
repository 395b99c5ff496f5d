import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries, resolveMediaBinaries } from './binaries';
import { createPoster } from './extras';
import { generateFrameCodedClip, readFrameCodes } from './frame-code';
import { runProcess } from './ffmpeg-runner';
import { transcodeToHls } from './hls-transcode';
import { probeMedia } from './probe';
import { MediaProbe } from './probe-types';
import { range, useTempDir } from './test-support/temp-dir';

jest.setTimeout(120_000);
const work = useTempDir('hls-sources');
let binaries: MediaBinaries;

beforeAll(async () => {
  binaries = await resolveMediaBinaries();
});

async function probed(file: string): Promise<MediaProbe> {
  const result = await probeMedia(file, { ffprobePath: binaries.ffprobePath });
  if (!result.ok) throw new Error(result.problem.reason);
  return result.probe;
}

describe('sources other than plain landscape video', () => {
  it('a phone clip recorded sideways is turned upright in every rendition', async () => {
    const upright = path.join(work.path(), 'upright.mp4');
    const rotated = path.join(work.path(), 'rotated.mp4');
    await generateFrameCodedClip({
      path: upright,
      fpsNum: 30,
      fpsDen: 1,
      frames: 45,
      width: 640,
      height: 360,
    });
    await runProcess(binaries.ffmpegPath, [
      '-v',
      'error',
      '-i',
      upright,
      '-c',
      'copy',
      '-metadata:s:v',
      'rotate=90',
      rotated,
    ]);
    const probe = await probed(rotated);
    expect(probe.video).toMatchObject({ rotation: 270, displayWidth: 360, displayHeight: 640 });
    const result = await transcodeToHls({
      binaries,
      input: rotated,
      outputDir: path.join(work.path(), 'rotated-hls'),
      probe,
      ladder: { rungs: [360, 180] },
    });
    expect(result.video.map((rendition) => [rendition.output.width, rendition.output.height])).toEqual([
      [360, 640],
      [180, 320],
    ]);
    for (const rendition of result.video) {
      const playlist = path.join(path.dirname(result.masterPlaylist), rendition.uri);
      // Turning the picture back must give the original codes: the rotation was applied to the pixels.
      expect(await readFrameCodes(playlist, { filter: 'transpose=clock' })).toEqual(range(45));
    }
  });

  it('an audio-only file becomes a single AAC rendition behind a master playlist', async () => {
    const song = path.join(work.path(), 'song.wav');
    await runProcess(binaries.ffmpegPath, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=f=220:r=44100:d=5',
      '-ac',
      '2',
      song,
    ]);
    const probe = await probed(song);
    expect(probe.kind).toBe('audio');
    const result = await transcodeToHls({
      binaries,
      input: song,
      outputDir: path.join(work.path(), 'song-hls'),
      probe,
    });
    expect(result.video).toEqual([]);
    expect(result.frameCount).toBe(0);
    const master = await readFile(result.masterPlaylist, 'utf8');
    expect(master).toMatch(
      /#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a.40.2"\naudio\/index.m3u8\n/,
    );
    const audio = await probed(path.join(path.dirname(result.masterPlaylist), 'audio/index.m3u8'));
    expect(audio.durationSeconds).toBeCloseTo(5, 0);
  });

  it('a still gets a poster (and no ladder)', async () => {
    const still = path.join(work.path(), 'frame.png');
    await runProcess(binaries.ffmpegPath, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=1280x720',
      '-frames:v',
      '1',
      still,
    ]);
    const probe = await probed(still);
    expect(probe.kind).toBe('still');
    const poster = await createPoster({
      binaries,
      input: still,
      probe,
      outputDir: path.join(work.path(), 'still'),
    });
    expect(poster).toMatchObject({ frame: 0, width: 1280, height: 720 });
    expect((await stat(poster.path)).size).toBeGreaterThan(1000);
    await expect(
      transcodeToHls({ binaries, input: still, outputDir: path.join(work.path(), 'still-hls'), probe }),
    ).rejects.toThrow('still');
  });

  it('cancelling stops ffmpeg and rejects', async () => {
    const long = path.join(work.path(), 'long.mp4');
    await runProcess(binaries.ffmpegPath, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=640x360:r=25:d=60',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      long,
    ]);
    const probe = await probed(long);
    const controller = new AbortController();
    const started = Date.now();
    const transcode = transcodeToHls({
      binaries,
      input: long,
      outputDir: path.join(work.path(), 'cancelled'),
      probe,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.frame > 0) controller.abort();
      },
    });
    await expect(transcode).rejects.toMatchObject({ failure: 'aborted' });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
