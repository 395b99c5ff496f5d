import { Rational } from './rational';

export type MediaKind = 'video' | 'audio' | 'still';

/** Clockwise rotation a player must apply to show the picture upright. */
export type Rotation = 0 | 90 | 180 | 270;

/** What the frames' own timestamps say, for a source whose container rates disagree or are absent. */
export interface FrameTiming {
  /** Frames on the constant-rate timeline: each source frame held until the next, the last for its own duration. */
  timelineFrames: number;
  /** The source's frames per second on average. */
  sourceAverageFps: number;
  /** Source frames closer together than the highest conformed rate allows, which no rendition shows. */
  lostFrames: number;
}

export interface VideoProbe {
  streamIndex: number;
  codec: string;
  profile: string | null;
  /** Exact frame rate of the version's frames (for variable-rate sources, the constant rate they are conformed to). */
  fpsNum: number;
  fpsDen: number;
  /** ffprobe's r_frame_rate and avg_frame_rate, as read. */
  realFrameRate: Rational | null;
  averageFrameRate: Rational | null;
  /** The frames are not evenly spaced: the renditions place them on the constant fpsNum/fpsDen grid. */
  variableFrameRate: boolean;
  /** Read from every frame's timestamp when the container's own rates cannot be trusted; else null. */
  frameTiming: FrameTiming | null;
  /** Frames actually present in the file (packets counted), 1 for a still. */
  frameCount: number;
  /** Frames the container says it holds, when it says; more than frameCount means a cut file. */
  declaredFrameCount: number | null;
  durationSeconds: number;
  /** Where the first frame sits on the container's timeline. */
  startSeconds: number;
  /** Stored (coded) picture size. */
  width: number;
  height: number;
  /** Size as shown: sample aspect applied to the width, then rotation. */
  displayWidth: number;
  displayHeight: number;
  sampleAspect: Rational;
  /** Aspect of the picture as shown (after rotation), reduced, e.g. 16/9. */
  displayAspect: Rational;
  rotation: Rotation;
  pixelFormat: string | null;
  colorPrimaries: string | null;
  colorTransfer: string | null;
  colorSpace: string | null;
  colorRange: string | null;
  bitRate: number | null;
}

export interface AudioStreamProbe {
  streamIndex: number;
  codec: string | null;
  channels: number;
  channelLayout: string | null;
  sampleRate: number;
  durationSeconds: number | null;
  startSeconds: number;
  language: string | null;
  bitRate: number | null;
}

export interface MediaProbe {
  kind: MediaKind;
  /** ffprobe's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  durationSeconds: number;
  /** Where the container's timeline starts (MPEG-PS/TS rarely start at 0). */
  startSeconds: number;
  sizeBytes: number | null;
  bitRate: number | null;
  /** The picture stream (cover art in audio files is not one); null for audio. */
  video: VideoProbe | null;
  audio: AudioStreamProbe[];
  /** SMPTE start timecode from a tmcd track or tags, e.g. "01:00:00;00". */
  startTimecode: string | null;
  dropFrame: boolean;
  /** Streams ffprobe saw that are neither picture nor sound, e.g. "subtitle:subrip". */
  otherStreams: string[];
}
