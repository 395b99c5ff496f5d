import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MediaBinaries, resolveMediaBinaries } from './binaries';
import { generateFrameCodedClip } from './frame-code';
import { runProcess } from './ffmpeg-runner';
import { probeMedia } from './probe';
import { useTempDir } from './test-support/temp-dir';

jest.setTimeout(60_000);
const work = useTempDir('probe');
let system: MediaBinaries;
let shipped: MediaBinaries;
let clip: string;

beforeAll(async () => {
  system = await resolveMediaBinaries();
  shipped = await resolveMediaBinaries({ preferNpm: true });
  clip = path.join(work.path(), 'clip.mov');
  await generateFrameCodedClip({
    path: clip,
    fpsNum: 60000,
    fpsDen: 1001,
    frames: 30,
    width: 320,
    height: 180,
    startTimecode: '00:59:59:00',
    dropFrameTimecode: true,
    audio: true,
  });
});

describe('probeMedia on real files', () => {
  it('the system ffprobe and the npm-shipped one agree on what matters', async () => {
    const [a, b] = await Promise.all([
      probeMedia(clip, { ffprobePath: system.ffprobePath }),
      probeMedia(clip, { ffprobePath: shipped.ffprobePath }),
    ]);
    if (!a.ok || !b.ok) throw new Error('probe failed');
    for (const probe of [a.probe, b.probe]) {
      expect(probe).toMatchObject({ kind: 'video', startTimecode: '00:59:59;00', dropFrame: true });
      expect(probe.video).toMatchObject({
        fpsNum: 60000,
        fpsDen: 1001,
        frameCount: 30,
        width: 320,
        height: 180,
      });
      expect(probe.audio).toHaveLength(1);
    }
  });

  it('an empty file fails without running ffprobe', async () => {
    const file = path.join(work.path(), 'empty.mp4');
    await writeFile(file, '');
    const result = await probeMedia(file, { ffprobePath: '/nonexistent/ffprobe' });
    expect(result).toMatchObject({ ok: false, problem: { code: 'empty' } });
  });

  it('a text file is not media', async () => {
    const file = path.join(work.path(), 'notes.mp4');
    await writeFile(file, 'Notes for the edit, saved with the wrong extension.\n');
    expect(await probeMedia(file, { ffprobePath: system.ffprobePath })).toMatchObject({
      ok: false,
      problem: { code: 'not-media' },
    });
  });

  it('an upload cut in half is truncated', async () => {
    const whole = path.join(work.path(), 'whole.mp4');
    await runProcess(system.ffmpegPath, [
      '-v',
      'error',
      '-i',
      clip,
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      whole,
    ]);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(whole);
    const cut = path.join(work.path(), 'cut.mp4');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await probeMedia(cut, { ffprobePath: system.ffprobePath });
    expect(result).toMatchObject({ ok: false, problem: { code: 'truncated' } });
    if (!result.ok) expect(result.problem.reason).toMatch(/^The file ends after [\d.]+ s of 0\.5 s/);
  });

  it('a standard MP4 (index at the end) cut short is incomplete, wherever the cut falls', async () => {
    const whole = path.join(work.path(), 'index-at-end.mp4');
    await runProcess(system.ffmpegPath, ['-v', 'error', '-i', clip, '-c', 'copy', whole]);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(whole);
    const inIndex = bytes.indexOf('moov') + 200;
    for (const share of [0.05, 0.5, 0.9, inIndex / bytes.length]) {
      const cut = path.join(work.path(), `cut-${share}.mp4`);
      await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * share)));
      for (const ffprobePath of [system.ffprobePath, shipped.ffprobePath]) {
        const result = await probeMedia(cut, { ffprobePath });
        expect({ share, result }).toMatchObject({
          share,
          result: { ok: false, problem: { code: 'truncated' } },
        });
        if (!result.ok) expect(result.problem.reason).toContain('the upload or the export may be incomplete');
      }
    }
  });

  it('a missing ffprobe is an error of the server, not a verdict on the file', async () => {
    await expect(probeMedia(clip, { ffprobePath: '/nonexistent/ffprobe' })).rejects.toThrow('ENOENT');
  });
});
