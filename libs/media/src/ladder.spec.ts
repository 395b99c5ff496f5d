import { chooseLadder, DEFAULT_LADDER_CONFIG, maxBitrateKbps, renditionSize } from './ladder';
import { MediaProbe, VideoProbe } from './probe-types';
import { videoProbe } from './test-support/probe-factory';

function source(
  displayWidth: number,
  displayHeight: number,
  fps: [number, number] = [25, 1],
  extra: Partial<VideoProbe> = {},
): MediaProbe {
  return videoProbe({
    fpsNum: fps[0],
    fpsDen: fps[1],
    width: displayWidth,
    height: displayHeight,
    displayWidth,
    displayHeight,
    displayAspect: { num: displayWidth, den: displayHeight },
    ...extra,
  });
}

const sizes = (probe: MediaProbe, config = DEFAULT_LADDER_CONFIG) =>
  chooseLadder(probe, config).map((rendition) => `${rendition.name} ${rendition.width}x${rendition.height}`);

describe('chooseLadder', () => {
  it('offers every standard size up to a 4K source', () => {
    expect(sizes(source(3840, 2160))).toEqual([
      '2160p 3840x2160',
      '1080p 1920x1080',
      '720p 1280x720',
      '540p 960x540',
      '360p 640x360',
    ]);
  });

  it('never goes above the source', () => {
    expect(sizes(source(1920, 1080))).toEqual([
      '1080p 1920x1080',
      '720p 1280x720',
      '540p 960x540',
      '360p 640x360',
    ]);
    expect(sizes(source(7680, 4320))[0]).toBe('2160p 3840x2160');
  });

  it("puts the source's own size on top when it sits between standard sizes", () => {
    expect(sizes(source(1440, 800))).toEqual([
      '800p 1440x800',
      '720p 1296x720',
      '540p 972x540',
      '360p 648x360',
    ]);
  });

  it('leaves out a standard size that would look the same as the source', () => {
    expect(sizes(source(1920, 1088))).toEqual([
      '1088p 1920x1088',
      '720p 1270x720',
      '540p 952x540',
      '360p 636x360',
    ]);
  });

  it('gives a tiny source a single rendition at its own size, rounded down to even', () => {
    expect(sizes(source(320, 180))).toEqual(['180p 320x180']);
    expect(sizes(source(321, 241))).toEqual(['240p 320x240']);
    expect(sizes(source(640, 360))).toEqual(['360p 640x360']);
  });

  it('never upscales, even by rounding to even sides: an odd source loses its last pixel', () => {
    expect(sizes(source(3, 3))).toEqual(['2p 2x2']);
    expect(sizes(source(2, 2))).toEqual(['2p 2x2']);
    expect(sizes(source(5, 2))).toEqual(['2p 4x2']);
    expect(sizes(source(2, 7))).toEqual(['2p 2x6']);
    const sides = [1, 2, 3, 4, 5, 7, 9, 17, 99, 179, 181, 359, 361, 539, 541, 719, 721, 1079, 1081, 2161];
    let checked = 0;
    for (const width of sides) {
      for (const height of sides) {
        for (const rendition of chooseLadder(source(width, height))) {
          checked += 1;
          expect([rendition.width <= width, rendition.height <= height]).toEqual([true, true]);
          expect([rendition.width % 2, rendition.height % 2]).toEqual([0, 0]);
          expect(rendition.name).toBe(`${Math.min(rendition.width, rendition.height)}p`);
        }
      }
    }
    // Every size from 2 pixels a side up has a ladder: 19 × 19 of the sides, at least one rung each.
    expect(checked).toBeGreaterThanOrEqual(19 * 19);
  });

  it('offers no rendition of a picture under 2 pixels on a side (no "2p" from a 1×1 video)', () => {
    expect(sizes(source(1, 1))).toEqual([]);
    expect(sizes(source(1, 1080))).toEqual([]);
    expect(sizes(source(1920, 1))).toEqual([]);
  });

  it('names portrait sizes by their short side and keeps them portrait', () => {
    expect(sizes(source(1080, 1920))).toEqual([
      '1080p 1080x1920',
      '720p 720x1280',
      '540p 540x960',
      '360p 360x640',
    ]);
  });

  it('uses the display size: anamorphic PAL becomes 16:9 with square pixels', () => {
    const pal = source(1024, 576, [25, 1], { width: 720, height: 576, sampleAspect: { num: 64, den: 45 } });
    expect(sizes(pal)).toEqual(['576p 1024x576', '540p 960x540', '360p 640x360']);
  });

  it('keeps every side even for odd aspect ratios', () => {
    const ladder = chooseLadder(source(1998, 1080));
    expect(ladder.length).toBeGreaterThan(0);
    for (const rendition of ladder) {
      expect(rendition.width % 2).toBe(0);
      expect(rendition.height % 2).toBe(0);
    }
  });

  it('follows configured rungs (tests use 360 and 180 to get two renditions from a small clip)', () => {
    expect(sizes(source(640, 360), { ...DEFAULT_LADDER_CONFIG, rungs: [360, 180] })).toEqual([
      '360p 640x360',
      '180p 320x180',
    ]);
  });

  it('has nothing to offer for audio or stills', () => {
    expect(chooseLadder({ ...source(640, 360), kind: 'still' })).toEqual([]);
    expect(chooseLadder({ ...source(640, 360), kind: 'audio', video: null })).toEqual([]);
  });

  it('spends more bits on larger pictures and higher rates, not proportionally', () => {
    const at = (w: number, h: number, fps: number) => maxBitrateKbps(w, h, fps, DEFAULT_LADDER_CONFIG);
    expect(at(1920, 1080, 30)).toBe(4980);
    expect(at(1280, 720, 30)).toBeGreaterThan(2000);
    expect(at(1280, 720, 30)).toBeLessThan(at(1920, 1080, 30));
    expect(at(1920, 1080, 60)).toBeGreaterThan(at(1920, 1080, 30));
    expect(at(1920, 1080, 60)).toBeLessThan(2 * at(1920, 1080, 30));
    expect(at(640, 360, 24)).toBeLessThan(at(640, 360, 30));
    const [top] = chooseLadder(source(1920, 1080, [30, 1]));
    expect(top.bufferKbits).toBe(2 * top.maxBitrateKbps);
  });

  it('sizes a rung from a short side without exceeding the source', () => {
    expect(renditionSize(720, { width: 1920, height: 1080 })).toEqual({ width: 1280, height: 720 });
    expect(renditionSize(400, { width: 401, height: 400 })).toEqual({ width: 400, height: 400 });
  });
});
