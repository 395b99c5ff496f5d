import { DEFAULT_STORYBOARD_CONFIG, planPoster, planStoryboard, waveformOutputArgs } from './extras-args';
import { buildHlsPlan, segmentFrameCount, segmentStartFrames, WAVEFORM_PIPE } from './hls-args';
import { VideoRendition } from './ladder';
import { audioStream, videoProbe } from './test-support/probe-factory';

const renditions: VideoRendition[] = [
  { name: '720p', width: 1280, height: 720, maxBitrateKbps: 2700, bufferKbits: 5400 },
  { name: '360p', width: 640, height: 360, maxBitrateKbps: 950, bufferKbits: 1900 },
];
const FF51 = { major: 5, minor: 1 };
const FF41 = { major: 4, minor: 1 };

/** The arguments of one output: from its -map to its playlist. */
function outputArgs(args: string[], playlist: string): string[] {
  const end = args.indexOf(playlist);
  return args.slice(args.lastIndexOf('-map', end), end + 1);
}

function valueAfter(args: string[], option: string): string | undefined {
  const at = args.indexOf(option);
  return at >= 0 ? args[at + 1] : undefined;
}

describe('buildHlsPlan', () => {
  const probe = videoProbe(
    { fpsNum: 24000, fpsDen: 1001, frameCount: 240, durationSeconds: 10.01 },
    { audio: [audioStream()] },
  );
  const plan = buildHlsPlan({
    input: '/in/source.mov',
    outputDir: '/out',
    probe,
    renditions,
    ffmpegVersion: FF51,
  });

  it('decodes the source once and splits the picture into one scaler per rendition', () => {
    expect(plan.args.filter((arg) => arg === '-i')).toHaveLength(1);
    expect(valueAfter(plan.args, '-i')).toBe('/in/source.mov');
    expect(valueAfter(plan.args, '-filter_complex')).toBe(
      '[0:v:0]setpts=PTS-STARTPTS,fps=fps=24000/1001:round=near:eof_action=pass,split=2[s0][s1];' +
        '[s0]scale=1280:720,setsar=1,format=yuv420p[v0];' +
        '[s1]scale=640:360,setsar=1,format=yuv420p[v1]',
    );
  });

  it('writes one fMP4 HLS output per rendition, never -var_stream_map', () => {
    expect(plan.args).not.toContain('-var_stream_map');
    expect(plan.args.filter((arg) => arg === 'hls')).toHaveLength(3);
    expect(plan.args.filter((arg) => arg === 'fmp4')).toHaveLength(3);
    expect(plan.outputs.map((output) => [output.kind, output.name, output.ffmpegPlaylist])).toEqual([
      ['video', '720p', '/out/720p/ffmpeg.m3u8'],
      ['video', '360p', '/out/360p/ffmpeg.m3u8'],
      ['audio', 'audio', '/out/audio/ffmpeg.m3u8'],
    ]);
  });

  it('encodes H.264 without B-frames, one fixed GOP per segment, keyframes at the same frames everywhere', () => {
    expect(plan.segmentFrames).toBe(48);
    expect(plan.leadFrames).toBe(5);
    expect(plan.segmentSeconds).toBeCloseTo(2.002, 9);
    for (const playlist of ['/out/720p/ffmpeg.m3u8', '/out/360p/ffmpeg.m3u8']) {
      const args = outputArgs(plan.args, playlist);
      expect(valueAfter(args, '-c:v')).toBe('libx264');
      expect(valueAfter(args, '-preset')).toBe('veryfast');
      expect(valueAfter(args, '-bf')).toBe('0');
      expect(valueAfter(args, '-g')).toBe('48');
      expect(valueAfter(args, '-keyint_min')).toBe('48');
      expect(valueAfter(args, '-sc_threshold')).toBe('0');
      // The first segment is cut in two at a fifth of a second: playable after 5 frames, not 48.
      expect(valueAfter(args, '-force_key_frames')).toBe('expr:eq(n,5)+eq(mod(n,48),0)');
      expect(valueAfter(args, '-fps_mode')).toBe('passthrough');
      expect(valueAfter(args, '-hls_segment_type')).toBe('fmp4');
      expect(valueAfter(args, '-hls_playlist_type')).toBe('event');
      // Half a frame: ffmpeg cuts at every keyframe, and keyframes are only where they are forced.
      expect(Number(valueAfter(args, '-hls_time'))).toBeCloseTo((0.5 * 1001) / 24000, 6);
    }
    expect(valueAfter(outputArgs(plan.args, '/out/720p/ffmpeg.m3u8'), '-maxrate')).toBe('2700k');
    expect(valueAfter(outputArgs(plan.args, '/out/360p/ffmpeg.m3u8'), '-bufsize')).toBe('1900k');
  });

  it('keeps every frame: frame count and rate of the source', () => {
    expect(plan).toMatchObject({
      fpsNum: 24000,
      fpsDen: 1001,
      expectedFrames: 240,
      constantRateFromVariable: false,
    });
  });

  it('reports progress on stdout and nothing else there', () => {
    expect(plan.args.slice(0, 8)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-v',
      'error',
      '-progress',
      'pipe:1',
      '-nostats',
    ]);
  });

  it('encodes the first audio stream as its own AAC rendition', () => {
    const args = outputArgs(plan.args, '/out/audio/ffmpeg.m3u8');
    expect(args.slice(0, 8)).toEqual(['-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2']);
    expect(args).not.toContain('-c:v');
    // Three-quarter-second sound segments: the first does not hold back playback of the picture's lead.
    expect(valueAfter(args, '-hls_time')).toBe('0.75');
  });

  it('skips an audio stream nobody can decode and takes the next', () => {
    const twoTracks = videoProbe(
      {},
      { audio: [audioStream({ codec: null, streamIndex: 1 }), audioStream({ streamIndex: 2, channels: 1 })] },
    );
    const args = buildHlsPlan({
      input: 'x',
      outputDir: '/o',
      probe: twoTracks,
      renditions,
      ffmpegVersion: FF51,
    }).args;
    expect(outputArgs(args, '/o/audio/ffmpeg.m3u8').slice(0, 2)).toEqual(['-map', '0:a:1']);
    expect(valueAfter(outputArgs(args, '/o/audio/ffmpeg.m3u8'), '-ac')).toBe('1');
  });

  it('spells passthrough the 4.1 way on ffmpeg 4.1', () => {
    const old = buildHlsPlan({ input: 'in.mp4', outputDir: '/out', probe, renditions, ffmpegVersion: FF41 });
    expect(old.args).not.toContain('-fps_mode');
    expect(valueAfter(old.args, '-vsync')).toBe('passthrough');
    expect(old.args.indexOf('-vsync')).toBeLessThan(old.args.indexOf('-i'));
  });

  it('without frame times, makes a variable-rate source constant at its average rate and expects duration × rate frames', () => {
    const vfr = videoProbe({
      fpsNum: 30000,
      fpsDen: 1001,
      variableFrameRate: true,
      frameCount: 290,
      durationSeconds: 10,
    });
    const vfrPlan = buildHlsPlan({
      input: 'in.mp4',
      outputDir: '/out',
      probe: vfr,
      renditions,
      ffmpegVersion: FF51,
    });
    expect(valueAfter(vfrPlan.args, '-filter_complex')).toContain(
      'fps=fps=30000/1001:round=near:eof_action=pass',
    );
    expect(vfrPlan).toMatchObject({ expectedFrames: 300, constantRateFromVariable: true });
  });

  it('conforms a variable-rate source with measured frame times to its chosen rate, each frame held until the next', () => {
    // 140 frames of a 30 fps recording over 6 s: 180 frames on the 30 fps timeline.
    const vfr = videoProbe({
      fpsNum: 30,
      fpsDen: 1,
      averageFrameRate: { num: 2933, den: 125 },
      variableFrameRate: true,
      frameTiming: { timelineFrames: 180, sourceAverageFps: 23.464, lostFrames: 0 },
      frameCount: 140,
      durationSeconds: 5.966,
    });
    const vfrPlan = buildHlsPlan({
      input: 'in.mp4',
      outputDir: '/out',
      probe: vfr,
      renditions,
      ffmpegVersion: FF41,
    });
    expect(valueAfter(vfrPlan.args, '-filter_complex')).toContain(
      'setpts=PTS-STARTPTS,fps=fps=30/1:round=near:eof_action=pass',
    );
    expect(valueAfter(vfrPlan.args, '-vsync')).toBe('passthrough');
    expect(vfrPlan).toMatchObject({
      expectedFrames: 180,
      durationSeconds: 6,
      constantRateFromVariable: true,
    });
  });

  it('shifts the whole input when the picture starts after the sound (MPEG-TS offsets)', () => {
    const late = videoProbe(
      { startSeconds: 1.5 },
      { startSeconds: 1.4, audio: [audioStream({ startSeconds: 1.4 })] },
    );
    const latePlan = buildHlsPlan({
      input: 'in.ts',
      outputDir: '/out',
      probe: late,
      renditions,
      ffmpegVersion: FF51,
    });
    expect(latePlan.args.slice(8, 12)).toEqual(['-itsoffset', '-0.1', '-i', 'in.ts']);
    expect(valueAfter(latePlan.args, '-filter_complex')).toContain('[0:a:0]atrim=start=0[a]');
    expect(outputArgs(latePlan.args, '/out/audio/ffmpeg.m3u8').slice(0, 2)).toEqual(['-map', '[a]']);
  });

  it('passes colour description through, downmixes surround and resamples odd rates', () => {
    const hdr = videoProbe(
      { colorPrimaries: 'bt709', colorTransfer: 'bt709', colorSpace: 'bt709', colorRange: 'tv' },
      { audio: [audioStream({ channels: 6, sampleRate: 96000 })] },
    );
    const args = buildHlsPlan({
      input: 'x',
      outputDir: '/o',
      probe: hdr,
      renditions,
      ffmpegVersion: FF51,
    }).args;
    const video = outputArgs(args, '/o/720p/ffmpeg.m3u8');
    expect(valueAfter(video, '-color_primaries')).toBe('bt709');
    expect(valueAfter(video, '-colorspace')).toBe('bt709');
    const audio = outputArgs(args, '/o/audio/ffmpeg.m3u8');
    expect(valueAfter(audio, '-ac')).toBe('2');
    expect(valueAfter(audio, '-ar')).toBe('48000');
  });

  it('uses one scaler without split for a single rendition and honours encoder config', () => {
    const single = buildHlsPlan({
      input: 'x',
      outputDir: '/o',
      probe: videoProbe(),
      renditions: [renditions[1]],
      ffmpegVersion: FF51,
      encoder: { preset: 'ultrafast', crf: 30, targetSegmentSeconds: 4 },
    });
    expect(valueAfter(single.args, '-filter_complex')).toBe(
      '[0:v:0]setpts=PTS-STARTPTS,fps=fps=25/1:round=near:eof_action=pass[s0];[s0]scale=640:360,setsar=1,format=yuv420p[v0]',
    );
    expect(valueAfter(single.args, '-preset')).toBe('ultrafast');
    expect(valueAfter(single.args, '-crf')).toBe('30');
    expect(single.segmentFrames).toBe(100);
    expect(single.outputs.map((output) => output.kind)).toEqual(['video']);
  });

  it('transcodes audio-only sources to a lone audio rendition and refuses stills', () => {
    const song = { ...videoProbe(), kind: 'audio' as const, video: null, audio: [audioStream()] };
    const audioPlan = buildHlsPlan({
      input: 'x.wav',
      outputDir: '/o',
      probe: song,
      renditions: [],
      ffmpegVersion: FF51,
    });
    expect(audioPlan.args).not.toContain('-filter_complex');
    expect(audioPlan.outputs.map((output) => output.name)).toEqual(['audio']);
    const still = { ...videoProbe(), kind: 'still' as const };
    expect(() =>
      buildHlsPlan({ input: 'x.png', outputDir: '/o', probe: still, renditions, ffmpegVersion: FF51 }),
    ).toThrow('still');
  });

  it('places segment starts at the lead and on the GOP grid after it', () => {
    expect(segmentStartFrames({ segmentFrames: 48, leadFrames: 12 }, 150)).toEqual([0, 12, 48, 96, 144]);
    expect(segmentStartFrames({ segmentFrames: 48, leadFrames: 12 }, 10)).toEqual([0]);
    expect(segmentStartFrames({ segmentFrames: 48, leadFrames: 0 }, 100)).toEqual([0, 48, 96]);
    const noLead = buildHlsPlan({
      input: 'x',
      outputDir: '/o',
      probe: videoProbe(),
      renditions,
      ffmpegVersion: FF51,
      encoder: { leadSegmentSeconds: 0 },
    });
    expect(noLead.leadFrames).toBe(0);
    expect(valueAfter(noLead.args, '-force_key_frames')).toBe('expr:eq(mod(n,50),0)');
  });

  it('rounds segments to whole frames', () => {
    expect(segmentFrameCount(24000, 1001, 2)).toBe(48);
    expect(segmentFrameCount(25, 1, 2)).toBe(50);
    expect(segmentFrameCount(30000, 1001, 2)).toBe(60);
    expect(segmentFrameCount(60000, 1001, 2)).toBe(120);
    expect(segmentFrameCount(1, 10, 2)).toBe(1);
  });
});

describe('buildHlsPlan with frame signatures', () => {
  const probe = videoProbe({ fpsNum: 25, fpsDen: 1, frameCount: 250, durationSeconds: 10 });
  for (const ffmpegVersion of [FF51, FF41]) {
    it(`adds an 8×8 grey rawvideo output to the same decode (ffmpeg ${ffmpegVersion.major}.${ffmpegVersion.minor})`, () => {
      const plan = buildHlsPlan({
        input: '/in/source.mov',
        outputDir: '/out',
        probe,
        renditions,
        ffmpegVersion,
        signaturesPath: '/out/frame-signatures.gray',
      });
      expect(plan.args.filter((arg) => arg === '-i')).toHaveLength(1);
      expect(valueAfter(plan.args, '-filter_complex')).toBe(
        '[0:v:0]setpts=PTS-STARTPTS,fps=fps=25/1:round=near:eof_action=pass,split=3[s0][s1][sig0];' +
          '[s0]scale=1280:720,setsar=1,format=yuv420p[v0];' +
          '[s1]scale=640:360,setsar=1,format=yuv420p[v1];' +
          '[sig0]scale=8:8:flags=area,format=gray[sig]',
      );
      const signatureOutput = outputArgs(plan.args, '/out/frame-signatures.gray');
      expect(signatureOutput.slice(0, 2)).toEqual(['-map', '[sig]']);
      expect(valueAfter(signatureOutput, '-f')).toBe('rawvideo');
      expect(signatureOutput.includes('-fps_mode')).toBe(ffmpegVersion === FF51);
      expect(plan.outputs.map((output) => output.name)).toEqual(['720p', '360p']);
    });
  }
});

describe('buildHlsPlan with the poster, storyboard and waveform from the same decode', () => {
  const probe = videoProbe(
    { fpsNum: 25, fpsDen: 1, frameCount: 250, durationSeconds: 10 },
    { audio: [audioStream()] },
  );
  const layout = planStoryboard(probe, { ...DEFAULT_STORYBOARD_CONFIG, columns: 2, rows: 2 });
  const extras = {
    poster: { frame: planPoster(probe), path: '/work/poster.jpg' },
    storyboard: { layout, pattern: '/work/storyboard/sprite_%03d.jpg' },
    waveformSampleRate: 8000,
  };

  it('adds them as outputs of the one picture and the one sound decoded', () => {
    const plan = buildHlsPlan({
      input: '/in/a.mov',
      outputDir: '/out',
      probe,
      renditions,
      ffmpegVersion: FF51,
      extras,
    });
    expect(plan.args.filter((arg) => arg === '-i')).toHaveLength(1);
    expect(valueAfter(plan.args, '-filter_complex')).toBe(
      '[0:v:0]setpts=PTS-STARTPTS,fps=fps=25/1:round=near:eof_action=pass,split=4[s0][s1][storyboard0][poster0];' +
        '[s0]scale=1280:720,setsar=1,format=yuv420p[v0];' +
        '[s1]scale=640:360,setsar=1,format=yuv420p[v1];' +
        "[storyboard0]select='not(mod(n,50))',scale=160:90,setsar=1,tile=2x2[storyboard];" +
        "[poster0]select='eq(n,25)',scale=1280:720,setsar=1[poster];" +
        '[0:a:0]asplit=2[a][waveform]',
    );
    expect(outputArgs(plan.args, '/work/storyboard/sprite_%03d.jpg')).toEqual([
      '-map',
      '[storyboard]',
      '-fps_mode',
      'passthrough',
      '-q:v',
      '4',
      '-start_number',
      '0',
      '-f',
      'image2',
      '/work/storyboard/sprite_%03d.jpg',
    ]);
    expect(outputArgs(plan.args, '/work/poster.jpg')).toEqual([
      '-map',
      '[poster]',
      '-fps_mode',
      'passthrough',
      '-q:v',
      '3',
      '-f',
      'image2',
      '-update',
      '1',
      '/work/poster.jpg',
    ]);
    expect(outputArgs(plan.args, '/out/audio/ffmpeg.m3u8').slice(0, 2)).toEqual(['-map', '[a]']);
    // The waveform's samples as the standalone waveform command writes them (extras-args.spec), on fd 3.
    expect(outputArgs(plan.args, WAVEFORM_PIPE)).toEqual([
      '-map',
      '[waveform]',
      ...waveformOutputArgs(8000, 'pipe:3'),
    ]);
    expect(plan.outputs.map((output) => output.name)).toEqual(['720p', '360p', 'audio']);
  });

  it('trims the sound before the first frame for the waveform too', () => {
    const late = videoProbe(
      { fpsNum: 25, fpsDen: 1, frameCount: 250, durationSeconds: 10, startSeconds: 0.5 },
      { audio: [audioStream()] },
    );
    const plan = buildHlsPlan({
      input: 'x',
      outputDir: '/out',
      probe: late,
      renditions,
      ffmpegVersion: FF41,
      extras,
    });
    expect(valueAfter(plan.args, '-filter_complex')).toContain('[0:a:0]atrim=start=0,asplit=2[a][waveform]');
  });
});
