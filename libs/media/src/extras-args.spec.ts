import {
  DEFAULT_STORYBOARD_CONFIG,
  planStoryboard,
  posterArgs,
  samplesPerPeakFor,
  storyboardArgs,
  waveformArgs,
} from './extras-args';
import { audioStream, videoProbe } from './test-support/probe-factory';

const valueAfter = (args: string[], option: string) => args[args.indexOf(option) + 1];

describe('poster frame', () => {
  it('seeks half a frame before the frame 10% in, at most 720p, square pixels', () => {
    const plan = posterArgs(
      videoProbe({ fpsNum: 24000, fpsDen: 1001, frameCount: 1000 }),
      'in.mov',
      'poster.jpg',
    );
    expect(plan).toMatchObject({ frame: 100, width: 1280, height: 720 });
    expect(Number(valueAfter(plan.args, '-ss'))).toBeCloseTo((99.5 * 1001) / 24000, 6);
    expect(plan.args.indexOf('-ss')).toBeLessThan(plan.args.indexOf('-i'));
    expect(valueAfter(plan.args, '-vf')).toBe('scale=1280:720,setsar=1');
    expect(plan.args.slice(-1)).toEqual(['poster.jpg']);
  });

  it("uses a still's only frame at its own size when small, and refuses audio", () => {
    const still = { ...videoProbe({ width: 320, height: 240, frameCount: 1 }), kind: 'still' as const };
    const plan = posterArgs(still, 'in.png', 'poster.jpg');
    expect(plan).toMatchObject({ frame: 0, width: 320, height: 240 });
    expect(plan.args).not.toContain('-ss');
    expect(() => posterArgs({ ...still, kind: 'audio', video: null }, 'a.mp3', 'p.jpg')).toThrow('poster');
  });

  it('adds the picture start offset of MPEG-PS/TS sources', () => {
    const late = videoProbe({ startSeconds: 1.4, frameCount: 100 }, { startSeconds: 0.4 });
    expect(Number(valueAfter(posterArgs(late, 'in.ts', 'p.jpg').args, '-ss'))).toBeCloseTo(1 + 9.5 / 25, 6);
  });
});

describe('storyboard', () => {
  it('takes a thumbnail every 2 s in whole frames and tiles 10×10 per sheet', () => {
    const layout = planStoryboard(videoProbe({ fpsNum: 25, fpsDen: 1, frameCount: 25 * 600 }));
    expect(layout).toMatchObject({
      intervalFrames: 50,
      thumbnailCount: 300,
      sheetCount: 3,
      thumbWidth: 160,
      thumbHeight: 90,
    });
  });

  it('stretches the interval for long videos instead of making more thumbnails', () => {
    const layout = planStoryboard(videoProbe({ fpsNum: 25, fpsDen: 1, frameCount: 25 * 3600 * 3 }));
    expect(layout.thumbnailCount).toBeLessThanOrEqual(DEFAULT_STORYBOARD_CONFIG.maxThumbnails);
    expect(layout.intervalFrames).toBe(270);
  });

  it('keeps portrait thumbnails portrait', () => {
    const layout = planStoryboard(videoProbe({ width: 1080, height: 1920 }));
    expect([layout.thumbWidth, layout.thumbHeight]).toEqual([160, 284]);
  });

  it('numbers frames exactly like the renditions and selects every n-th', () => {
    const layout = planStoryboard(videoProbe({ fpsNum: 30000, fpsDen: 1001, frameCount: 300 }));
    const args = storyboardArgs(layout, 'in.mp4', '/o/sprite_%03d.jpg', { major: 5, minor: 1 });
    expect(valueAfter(args, '-vf')).toBe(
      "setpts=PTS-STARTPTS,fps=fps=30000/1001:round=near:eof_action=pass,select='not(mod(n,60))',scale=160:90,setsar=1,tile=10x10",
    );
    expect(valueAfter(args, '-fps_mode')).toBe('passthrough');
    expect(valueAfter(args, '-start_number')).toBe('0');
    expect(valueAfter(storyboardArgs(layout, 'in', 'o', { major: 4, minor: 1 }), '-vsync')).toBe(
      'passthrough',
    );
  });
});

describe('waveform', () => {
  it('gives 100 peaks a second for short files and caps long ones', () => {
    expect(samplesPerPeakFor(60)).toBe(80);
    expect(samplesPerPeakFor(3600)).toBe(576);
  });

  it('decodes the first audio stream to mono s16le at the chosen rate on stdout', () => {
    const args = waveformArgs(videoProbe({}, { audio: [audioStream()] }), 'in.mov', 8000);
    expect(args.slice(args.indexOf('-i'))).toEqual([
      '-i',
      'in.mov',
      '-map',
      '0:a:0',
      '-ac',
      '1',
      '-ar',
      '8000',
      '-c:a',
      'pcm_s16le',
      '-f',
      's16le',
      'pipe:1',
    ]);
    expect(args).not.toContain('-af');
    expect(() => waveformArgs(videoProbe(), 'in.mov', 8000)).toThrow('No sound');
  });
});
