import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { openHlsStream } from './hls-stream';
import { openingFrame, PlaybackEngine, type PlayableVersion } from './playback-engine';
import { browserFrameClock } from './playback-source';

/** The engine behind one `<video>`: attached to it, and playing `version` once it has a playlist. */
export function usePlaybackEngine(
  videoRef: RefObject<HTMLVideoElement | null>,
  version: Omit<PlayableVersion, 'url'> & { url: string | null },
  startFrame: number,
) {
  const [engine] = useState(
    () =>
      new PlaybackEngine<HTMLVideoElement>({
        openStream: openHlsStream,
        clock: browserFrameClock,
        startFrame: openingFrame(startFrame, version.timebase.frameCount),
      }),
  );
  const snapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    engine.attach(video);
    return () => engine.detach();
  }, [engine, videoRef]);

  // A growing playlist is reloaded once the version is ready; the engine keeps the frame on screen.
  const { versionId, url, timebase, growing } = version;
  useEffect(() => {
    if (url) engine.load({ versionId, url, timebase, growing }, startFrame);
  }, [engine, versionId, url, timebase, growing, startFrame]);

  return { engine, snapshot };
}
