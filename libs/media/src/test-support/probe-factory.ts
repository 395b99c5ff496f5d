import { AudioStreamProbe, MediaProbe, VideoProbe } from '../probe-types';

/** A probe as parseProbe would return it, for pure tests; override what the test is about. */
export function videoProbe(
  video: Partial<VideoProbe> = {},
  rest: Partial<Omit<MediaProbe, 'video'>> = {},
): MediaProbe {
  const width = video.width ?? 1920;
  const height = video.height ?? 1080;
  return {
    kind: 'video',
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSeconds: 10,
    startSeconds: 0,
    sizeBytes: 1_000_000,
    bitRate: null,
    audio: [],
    startTimecode: null,
    dropFrame: false,
    otherStreams: [],
    ...rest,
    video: {
      streamIndex: 0,
      codec: 'h264',
      profile: 'High',
      fpsNum: 25,
      fpsDen: 1,
      realFrameRate: { num: 25, den: 1 },
      averageFrameRate: { num: 25, den: 1 },
      variableFrameRate: false,
      frameTiming: null,
      frameCount: 250,
      declaredFrameCount: 250,
      durationSeconds: 10,
      startSeconds: 0,
      width,
      height,
      displayWidth: width,
      displayHeight: height,
      sampleAspect: { num: 1, den: 1 },
      displayAspect: { num: 16, den: 9 },
      rotation: 0,
      pixelFormat: 'yuv420p',
      colorPrimaries: null,
      colorTransfer: null,
      colorSpace: null,
      colorRange: null,
      bitRate: null,
      ...video,
    },
  };
}

export function audioStream(stream: Partial<AudioStreamProbe> = {}): AudioStreamProbe {
  return {
    streamIndex: 1,
    codec: 'aac',
    channels: 2,
    channelLayout: 'stereo',
    sampleRate: 48000,
    durationSeconds: 10,
    startSeconds: 0,
    language: null,
    bitRate: null,
    ...stream,
  };
}
