import * as path from 'node:path';
import { runProcess } from './ffmpeg-runner';
import { generateFrameCodedClip, readFrameCodes } from './frame-code';
import { probeMedia } from './probe';
import { range, useTempDir } from './test-support/temp-dir';

jest.setTimeout(60_000);
const work = useTempDir('frame-code');

describe('frame-coded clips (real ffmpeg)', () => {
  it('every frame of a generated clip reads back as its own index', async () => {
    const file = path.join(work.path(), 'coded-25.mp4');
    await generateFrameCodedClip({ path: file, fpsNum: 25, fpsDen: 1, frames: 40, width: 640, height: 360 });
    expect(await readFrameCodes(file)).toEqual(range(40));
  });

  it('writes a drop-frame start timecode and audio that ffprobe finds', async () => {
    const file = path.join(work.path(), 'coded-2997.mov');
    await generateFrameCodedClip({
      path: file,
      fpsNum: 30000,
      fpsDen: 1001,
      frames: 30,
      width: 320,
      height: 180,
      startTimecode: '01:00:00:00',
      dropFrameTimecode: true,
      audio: true,
    });
    const result = await probeMedia(file, { ffprobePath: 'ffprobe' });
    if (!result.ok) throw new Error(result.problem.reason);
    expect(result.probe).toMatchObject({ startTimecode: '01:00:00;00', dropFrame: true });
    expect(result.probe.video).toMatchObject({ fpsNum: 30000, fpsDen: 1001, frameCount: 30, width: 320 });
    expect(result.probe.audio[0]).toMatchObject({ codec: 'aac', channels: 2 });
    expect(result.probe.audio[0].durationSeconds).toBeCloseTo(1.001, 1);
  });

  it('makes a variable-rate clip that ffprobe sees as variable, frames still in order', async () => {
    const file = path.join(work.path(), 'coded-vfr.mp4');
    await generateFrameCodedClip({
      path: file,
      fpsNum: 24,
      fpsDen: 1,
      frames: 36,
      width: 320,
      height: 180,
      variableRate: true,
    });
    const result = await probeMedia(file, { ffprobePath: 'ffprobe' });
    if (!result.ok) throw new Error(result.problem.reason);
    expect(result.probe.video?.variableFrameRate).toBe(true);
    expect(await readFrameCodes(file)).toEqual(range(36));
  });

  it('reports frames without a code as -1', async () => {
    const blank = path.join(work.path(), 'blank.mp4');
    await runProcess('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=gray:s=160x90:r=25:d=0.2',
      blank,
    ]);
    expect(await readFrameCodes(blank)).toEqual([-1, -1, -1, -1, -1]);
  });
});
