import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NoMediaStreamsError, parseProbe, readRotation } from './parse-probe';
import { ProbeRecord } from './probe-problems';

// Captured from real ffprobe 5.1 runs on generated files: fixtures/capture-probe-fixtures.sh.
function fixture(name: string): ProbeRecord {
  return JSON.parse(readFileSync(path.join(__dirname, '__fixtures__/probe', `${name}.json`), 'utf8'));
}
function parsed(name: string) {
  const record = fixture(name);
  if (!record.json) throw new Error(`${name} has no JSON`);
  return parseProbe(record.json);
}

describe('parseProbe on real ffprobe output', () => {
  it('reads a 23.976 H.264 + AAC MP4 exactly: rational rate, frame count, size, aspect, audio', () => {
    const probe = parsed('h264-23976-aac');
    expect(probe.kind).toBe('video');
    expect(probe.video).toMatchObject({
      codec: 'h264',
      fpsNum: 24000,
      fpsDen: 1001,
      variableFrameRate: false,
      frameCount: 48,
      declaredFrameCount: 48,
      width: 640,
      height: 360,
      displayWidth: 640,
      displayHeight: 360,
      displayAspect: { num: 16, den: 9 },
      rotation: 0,
      pixelFormat: 'yuv420p',
      startSeconds: 0,
    });
    expect(probe.durationSeconds).toBeCloseTo(2.002, 6);
    expect(probe.audio).toEqual([
      expect.objectContaining({ codec: 'aac', channels: 2, sampleRate: 48000, channelLayout: 'stereo' }),
    ]);
    expect(probe.startTimecode).toBeNull();
    expect(probe.dropFrame).toBe(false);
  });

  it('takes the start timecode from the tmcd track and notices drop-frame', () => {
    const probe = parsed('tmcd-2997-df');
    expect(probe.video).toMatchObject({ fpsNum: 30000, fpsDen: 1001, frameCount: 60 });
    expect(probe.startTimecode).toBe('01:00:00;00');
    expect(probe.dropFrame).toBe(true);
    expect(probe.otherStreams).toEqual(['data:tmcd']);
  });

  it('falls back to a timecode tag on the format when there is no tmcd track', () => {
    const record = fixture('h264-23976-aac');
    const json = { ...record.json, format: { ...record.json!.format, tags: { timecode: '10:00:00:00' } } };
    const probe = parseProbe(json);
    expect(probe.startTimecode).toBe('10:00:00:00');
    expect(probe.dropFrame).toBe(false);
  });

  it('applies a 90° display matrix: the picture is shown portrait', () => {
    const probe = parsed('rotated-90');
    expect(probe.video).toMatchObject({
      width: 640,
      height: 360,
      rotation: 270,
      displayWidth: 360,
      displayHeight: 640,
      displayAspect: { num: 9, den: 16 },
    });
  });

  it('reads rotation like ffmpeg does, from the display matrix or the old rotate tag', () => {
    expect(readRotation({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] })).toBe(90);
    expect(readRotation({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: 180 }] })).toBe(180);
    expect(readRotation({ tags: { rotate: '270' } })).toBe(270);
    expect(readRotation({})).toBe(0);
  });

  it('flags a variable-rate source and picks its average, snapped to the nearest standard rate', () => {
    // 48 frames lasting 1.25 and 0.75 of 1/24 s in turn; the container's 2.0104 s gives 23.88 on average.
    const probe = parsed('vfr-24');
    expect(probe.video).toMatchObject({
      variableFrameRate: true,
      fpsNum: 24000,
      fpsDen: 1001,
      realFrameRate: { num: 96, den: 1 },
      frameCount: 48,
    });
  });

  it('treats r_frame_rate at twice the average (interlaced field rate) as variable and uses the average', () => {
    const record = fixture('tmcd-2997-df');
    const streams = record.json!.streams!.map((stream) =>
      stream.codec_type === 'video' ? { ...stream, r_frame_rate: '60000/1001' } : stream,
    );
    const probe = parseProbe({ ...record.json, streams });
    expect(probe.video).toMatchObject({ fpsNum: 30000, fpsDen: 1001, variableFrameRate: true });
  });

  it('keeps a non-standard average rate in thousandths', () => {
    const record = fixture('vfr-24');
    const streams = record.json!.streams!.map((stream) => ({ ...stream, avg_frame_rate: '27341/1000' }));
    expect(parseProbe({ ...record.json, streams }).video).toMatchObject({ fpsNum: 27341, fpsDen: 1000 });
  });

  it('reads 10-bit HDR colour description', () => {
    const probe = parsed('hevc-10bit-pq');
    expect(probe.video).toMatchObject({
      codec: 'hevc',
      fpsNum: 50,
      fpsDen: 1,
      pixelFormat: 'yuv420p10le',
      colorPrimaries: 'bt2020',
      colorTransfer: 'smpte2084',
      colorSpace: 'bt2020nc',
      colorRange: 'tv',
    });
  });

  it('applies the sample aspect ratio of anamorphic PAL and keeps the stream start offset', () => {
    const probe = parsed('anamorphic-pal');
    expect(probe.video).toMatchObject({
      width: 720,
      height: 576,
      sampleAspect: { num: 64, den: 45 },
      displayWidth: 1024,
      displayHeight: 576,
      displayAspect: { num: 16, den: 9 },
      frameCount: 5,
      startSeconds: 0.54,
    });
    expect(probe.startSeconds).toBe(0.54);
  });

  it('recognises PNG and JPEG stills as a single frame', () => {
    for (const name of ['still-png', 'still-jpeg']) {
      const probe = parsed(name);
      expect(probe.kind).toBe('still');
      expect(probe.video).toMatchObject({ width: 320, height: 240, frameCount: 1 });
      expect(probe.durationSeconds).toBe(0);
    }
  });

  it('treats an MP3 as audio', () => {
    const probe = parsed('audio-mp3');
    expect(probe.kind).toBe('audio');
    expect(probe.video).toBeNull();
    expect(probe.audio[0]).toMatchObject({ codec: 'mp3', channels: 2, sampleRate: 44100 });
    expect(probe.durationSeconds).toBeGreaterThan(2);
  });

  it('does not mistake cover art for a picture track', () => {
    const probe = parsed('audio-with-cover');
    expect(probe.kind).toBe('audio');
    expect(probe.video).toBeNull();
    expect(probe.otherStreams).toEqual([]);
  });

  it('reads Matroska stream durations from their DURATION tag', () => {
    expect(parsed('too-long').durationSeconds).toBeCloseTo(90000.04, 2);
  });

  it('throws NoMediaStreamsError for a file with only subtitles', () => {
    expect(() => parsed('subtitles-only')).toThrow(NoMediaStreamsError);
    expect(() => parsed('subtitles-only')).toThrow('subtitle:subrip');
  });

  it('keeps frames read apart from frames claimed, which is how a cut file shows', () => {
    const probe = parsed('truncated-faststart');
    expect(probe.video).toMatchObject({ frameCount: 15, declaredFrameCount: 100 });
  });
});
