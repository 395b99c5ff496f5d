import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { buildHlsPlan, HlsOutput } from './hls-args';
import { HlsPublisher } from './hls-publisher';
import { audioStream, videoProbe } from './test-support/probe-factory';
import { useTempDir } from './test-support/temp-dir';

// ffmpeg's side is played by hand: real init segments (fixtures), segment files of known sizes,
// and ffmpeg.m3u8 growing the way ffmpeg writes it. Deterministic, unlike a race with a real run.
const work = useTempDir('publisher');
const FIXTURES = path.join(__dirname, '__fixtures__/init');
const SEGMENT_SECONDS = 2.002;

function ffmpegPlaylist(segments: number, ended = false, lastSeconds = SEGMENT_SECONDS): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:2', '#EXT-X-PLAYLIST-TYPE:EVENT'];
  lines.push('#EXT-X-MAP:URI="init.mp4"');
  for (let i = 0; i < segments; i += 1) {
    const seconds = i === segments - 1 ? lastSeconds : SEGMENT_SECONDS;
    lines.push(`#EXTINF:${seconds.toFixed(6)},`, `seg_${String(i).padStart(5, '0')}.m4s`);
  }
  if (ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

async function ffmpegWrites(
  output: HlsOutput,
  segments: number,
  options: { ended?: boolean; bytes?: number } = {},
) {
  const init = output.kind === 'video' ? 'h264-high-veryfast.mp4' : 'aac-lc.mp4';
  await copyFile(path.join(FIXTURES, init), path.join(output.dir, 'init.mp4'));
  for (let i = 0; i < segments; i += 1) {
    await writeFile(
      path.join(output.dir, `seg_${String(i).padStart(5, '0')}.m4s`),
      Buffer.alloc(options.bytes ?? 1000),
    );
  }
  const lastSeconds = options.ended ? 1.001 : SEGMENT_SECONDS;
  await writeFile(output.ffmpegPlaylist, ffmpegPlaylist(segments, options.ended, lastSeconds));
}

async function setUp(name: string) {
  const outputDir = path.join(work.path(), name);
  const plan = buildHlsPlan({
    input: 'source.mov',
    outputDir,
    probe: videoProbe(
      { fpsNum: 24000, fpsDen: 1001, frameCount: 120 },
      { audio: [audioStream({ language: 'eng' })] },
    ),
    renditions: [
      { name: '720p', width: 1280, height: 720, maxBitrateKbps: 2700, bufferKbits: 5400 },
      { name: '360p', width: 640, height: 360, maxBitrateKbps: 950, bufferKbits: 1900 },
    ],
    ffmpegVersion: { major: 5, minor: 1 },
  });
  for (const output of plan.outputs) await mkdir(output.dir, { recursive: true });
  const [large, small, audio] = plan.outputs;
  return { plan, outputDir, large, small, audio, publisher: new HlsPublisher(plan, outputDir, 'eng') };
}

describe('HlsPublisher', () => {
  it('becomes playable once the smallest rendition and the audio have a segment, not before', async () => {
    const { publisher, large, small, audio, outputDir } = await setUp('early');
    expect(await publisher.refresh()).toBe(false);
    await ffmpegWrites(large, 1);
    await ffmpegWrites(audio, 1);
    expect(await publisher.refresh()).toBe(false);
    await expect(stat(path.join(outputDir, 'master.m3u8'))).rejects.toThrow();

    await ffmpegWrites(small, 1);
    expect(await publisher.refresh()).toBe(true);
    const master = await readFile(path.join(outputDir, 'master.m3u8'), 'utf8');
    expect(master).toContain('LANGUAGE="eng"');
    expect(master).toContain(
      '#EXT-X-STREAM-INF:BANDWIDTH=1078000,AVERAGE-BANDWIDTH=1078000,RESOLUTION=640x360,FRAME-RATE=23.976,' +
        'CODECS="avc1.64001e,mp4a.40.2",AUDIO="audio"\n360p/index.m3u8\n',
    );
    expect(master).not.toContain('720p');
    const growing = await readFile(path.join(small.dir, 'index.m3u8'), 'utf8');
    expect(growing).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
    expect(growing).not.toContain('#EXT-X-ENDLIST');

    await ffmpegWrites(small, 2);
    expect(await publisher.refresh()).toBe(false);
    expect(await readFile(path.join(small.dir, 'index.m3u8'), 'utf8')).toContain('seg_00001.m4s');
  });

  it('publishes only complete entries of a playlist caught mid-write', async () => {
    const { publisher, small } = await setUp('half-written');
    await ffmpegWrites(small, 2);
    const text = ffmpegPlaylist(2);
    await writeFile(small.ffmpegPlaylist, text.slice(0, text.length - 6));
    await publisher.refresh();
    const published = await readFile(path.join(small.dir, 'index.m3u8'), 'utf8');
    expect(published).toContain('seg_00000.m4s');
    expect(published).not.toContain('seg_00001');
  });

  it('refuses to finish while ffmpeg has not ended a playlist', async () => {
    const { publisher, large, small, audio } = await setUp('unfinished');
    for (const output of [large, small, audio]) await ffmpegWrites(output, 2);
    await expect(publisher.finish()).rejects.toThrow('Only a finished playlist');
  });

  it('finishes with VOD playlists, a master of every rendition with measured bandwidth, and no ffmpeg leftovers', async () => {
    const { publisher, large, small, audio, outputDir } = await setUp('finished');
    await ffmpegWrites(large, 3, { ended: true, bytes: 500_000 });
    await ffmpegWrites(small, 3, { ended: true, bytes: 100_000 });
    await ffmpegWrites(audio, 3, { ended: true, bytes: 30_000 });
    const result = await publisher.finish();

    // 2.002 + 2.002 + 1.001 s at 24000/1001 = 120 frames.
    expect(result.frameCount).toBe(120);
    expect(result.video.map((rendition) => [rendition.uri, rendition.codec, rendition.segments])).toEqual([
      ['720p/index.m3u8', 'avc1.64001e', 3],
      ['360p/index.m3u8', 'avc1.64001e', 3],
    ]);
    // Peak: the short last segment (bytes × 8 / 1.001 s); average: all bytes over 5.005 s.
    expect(result.video[1]).toMatchObject({ bandwidth: 799_201, averageBandwidth: 479_521 });
    expect(result.audio).toMatchObject({ codec: 'mp4a.40.2', bandwidth: 239_761, averageBandwidth: 143_857 });
    const master = await readFile(result.masterPlaylist, 'utf8');
    expect(master).toContain('BANDWIDTH=4235765,AVERAGE-BANDWIDTH=2541460,RESOLUTION=1280x720');
    expect(master).toContain('BANDWIDTH=1038962,AVERAGE-BANDWIDTH=623378,RESOLUTION=640x360');
    for (const output of [large, small, audio]) {
      const text = await readFile(path.join(output.dir, 'index.m3u8'), 'utf8');
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(text.endsWith('#EXT-X-ENDLIST\n')).toBe(true);
      await expect(stat(output.ffmpegPlaylist)).rejects.toThrow();
    }
    expect(result.masterPlaylist).toBe(path.join(outputDir, 'master.m3u8'));
  });
});
