import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { runProcess } from './ffmpeg-runner';
import { generateFrameCodedClip, readFrameCodes } from './frame-code';
import { probeMedia } from './probe';
import type { MediaProbe } from './probe-types';
import { detectFfmpegVersion } from './binaries';
import { frameGrabPlans, runFrameGrab, renderStillFrame } from './still-frame';
import { useTempDir } from './test-support/temp-dir';

jest.setTimeout(120_000);
const work = useTempDir('still-frame');

async function probed(file: string): Promise<MediaProbe> {
  const result = await probeMedia(file, { ffprobePath: 'ffprobe' });
  if (!result.ok) throw new Error(result.problem.reason);
  return result.probe;
}

const version = () => detectFfmpegVersion('ffmpeg');

/** The frame code a still shows, read back from its picture. */
async function codeOf(image: Buffer, name: string): Promise<number> {
  const file = path.join(work.path(), name);
  await writeFile(file, image);
  const [code] = await readFrameCodes(file);
  return code;
}

describe('stills: one exact frame of a version (real ffmpeg)', () => {
  it('each still of a 29.97 clip with a drop-frame start timecode shows its own frame index', async () => {
    const file = path.join(work.path(), 'coded-2997.mov');
    await generateFrameCodedClip({
      path: file,
      fpsNum: 30000,
      fpsDen: 1001,
      frames: 160,
      width: 320,
      height: 180,
      startTimecode: '00:00:59:28',
      dropFrameTimecode: true,
    });
    const probe = await probed(file);
    for (const frame of [0, 1, 2, 100, 120, 150, 159]) {
      const png = await renderStillFrame('ffmpeg', {
        probe,
        input: file,
        frame,
        width: 320,
        height: 180,
        format: 'png',
      });
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(await codeOf(png, `still-${frame}.png`)).toBe(frame);
    }
  });

  it('one decode per cluster of nearby frames, each picture its own frame', async () => {
    const file = path.join(work.path(), 'coded-2997.mov');
    const probe = await probed(file);
    const prefix = path.join(work.path(), 'batch-');
    const plans = frameGrabPlans(
      probe,
      file,
      [150, 2, 0, 2, 100, 159],
      { width: 160, height: 90 },
      prefix,
      await version(),
    );
    expect(plans.map((plan) => plan.frames)).toEqual([[0, 2, 100, 150, 159]]);
    const pictures = await runFrameGrab('ffmpeg', plans[0], prefix, 0);
    for (const [frame, picture] of pictures) expect((await readFrameCodes(picture))[0]).toBe(frame);
    const apart = frameGrabPlans(probe, file, [1, 140], { width: 160, height: 90 }, prefix, await version());
    expect(apart.length).toBe(1);
    const far = frameGrabPlans(
      { ...probe, video: { ...probe.video!, frameCount: 100_000 } },
      file,
      [1, 5000, 5010],
      { width: 160, height: 90 },
      prefix,
      await version(),
    );
    expect(far.map((plan) => plan.frames)).toEqual([[1], [5000, 5010]]);
    expect(far[1].args).toContain('-ss');
    const many = frameGrabPlans(
      probe,
      file,
      Array.from({ length: 100 }, (_, i) => i),
      { width: 160, height: 90 },
      prefix,
      await version(),
    );
    expect(many.map((plan) => plan.frames.length)).toEqual([32, 32, 32, 4]);
  });

  it('a variable-rate source gives the frame its conformed renditions show', async () => {
    const file = path.join(work.path(), 'coded-vfr.mp4');
    await generateFrameCodedClip({
      path: file,
      fpsNum: 24,
      fpsDen: 1,
      frames: 48,
      width: 320,
      height: 180,
      dropFrames: [[10, 19]],
    });
    const probe = await probed(file);
    expect(probe.video?.variableFrameRate).toBe(true);
    // Frames 10–19 are missing: the conformed timeline holds frame 9 over them.
    const jpeg = await renderStillFrame('ffmpeg', {
      probe,
      input: file,
      frame: 15,
      width: 320,
      height: 180,
      format: 'jpeg',
    });
    expect(jpeg[0]).toBe(0xff);
    expect(await codeOf(jpeg, 'vfr-15.jpg')).toBe(9);
    expect(
      await codeOf(
        await renderStillFrame('ffmpeg', {
          probe,
          input: file,
          frame: 30,
          width: 320,
          height: 180,
          format: 'png',
        }),
        'vfr-30.png',
      ),
    ).toBe(30);
  });

  it('burns the drawing in over the frame', async () => {
    const file = path.join(work.path(), 'coded-25.mp4');
    await generateFrameCodedClip({ path: file, fpsNum: 25, fpsDen: 1, frames: 10, width: 160, height: 90 });
    const probe = await probed(file);
    const overlay = new Uint8Array(160 * 90 * 4);
    for (let y = 0; y < 6; y += 1)
      for (let x = 0; x < 6; x += 1) overlay.set([255, 0, 0, 255], (y * 160 + x) * 4); // red in the corner
    const overlayPath = path.join(work.path(), 'drawing.rgba');
    await writeFile(overlayPath, overlay);
    const png = await renderStillFrame('ffmpeg', {
      probe,
      input: file,
      frame: 3,
      width: 160,
      height: 90,
      overlayPath,
      format: 'png',
    });
    const pngPath = path.join(work.path(), 'drawn.png');
    await writeFile(pngPath, png);
    const { stdout } = await runProcess('ffmpeg', [
      '-v',
      'error',
      '-i',
      pngPath,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ]);
    expect(Array.from(stdout.subarray(0, 3))).toEqual([255, 0, 0]);
    const grey = (50 * 160 + 2) * 3; // outside the drawing: the clip's grey
    expect(Math.abs(stdout[grey] - 128)).toBeLessThan(20);
    expect(await codeOf(png, 'drawn-code.png')).toBe(3);
  });
});
