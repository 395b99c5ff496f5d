import { AudioStreamProbe, MediaProbe } from './probe-types';

/** The sound that is transcoded and drawn: the first audio stream ffprobe could name a codec for. */
export function primaryAudio(probe: MediaProbe): { stream: AudioStreamProbe; mapIndex: number } | null {
  const index = probe.audio.findIndex((stream) => stream.codec);
  return index >= 0 ? { stream: probe.audio[index], mapIndex: index } : null;
}
