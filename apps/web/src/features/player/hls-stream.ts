import Hls, { type ErrorData } from 'hls.js';
import type { OpenPlaylistStream, PlaylistStream, PlaylistStreamEvents } from './playlist-stream';

const MAX_NETWORK_RECOVERIES = 3;
const UNPLAYABLE = 'This version cannot be played in this browser.';

/** hls.js where Media Source Extensions exist, the browser's own HLS (Safari) otherwise. */
export const openHlsStream: OpenPlaylistStream<HTMLVideoElement> = (video, request, events) => {
  if (Hls.isSupported()) return openWithHlsJs(video, request, events);
  if (video.canPlayType('application/vnd.apple.mpegurl')) return openNative(video, request.url, events);
  events.failed('This browser cannot play HLS video. Try a current Chrome, Edge, Firefox or Safari.');
  return { destroy() {} };
};

function openWithHlsJs(
  video: HTMLVideoElement,
  { url, startSeconds }: { url: string; startSeconds: number },
  events: PlaylistStreamEvents,
): PlaylistStream {
  const hls = new Hls({
    startPosition: startSeconds,
    // Frame-accurate review wants the whole playlist, from its start, even while it grows.
    liveDurationInfinity: false,
    lowLatencyMode: false,
    backBufferLength: 60,
  });
  let destroyed = false;
  let networkRecoveries = 0;
  let mediaRecovered = false;

  const onError = (data: ErrorData) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRecoveries < MAX_NETWORK_RECOVERIES) {
      networkRecoveries += 1;
      const manifestFailed = data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR;
      // Backs off a second more each time; a buffered fragment shows the connection is back.
      setTimeout(() => {
        if (destroyed) return;
        if (manifestFailed) hls.loadSource(url);
        else hls.startLoad();
      }, 1000 * networkRecoveries);
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !mediaRecovered) {
      mediaRecovered = true;
      hls.recoverMediaError();
      return;
    }
    const status = data.response?.code;
    events.failed(
      data.type === Hls.ErrorTypes.NETWORK_ERROR
        ? status === 401 || status === 403 || status === 404
          ? 'The video is not available (it may have been deleted, or your access changed). Reload to try again.'
          : 'The video stopped loading: the connection to the server was lost. Reload to try again.'
        : UNPLAYABLE,
    );
  };

  hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
    events.levels(
      data.levels.map((level, index) => ({
        index,
        width: level.width,
        height: level.height,
        bitrate: level.bitrate,
      })),
    );
    events.ready(true);
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => events.activeLevel(data.level));
  hls.on(Hls.Events.LEVEL_LOADED, () => events.buffered());
  hls.on(Hls.Events.FRAG_BUFFERED, () => {
    networkRecoveries = 0;
    events.buffered();
  });
  hls.on(Hls.Events.ERROR, (_event, data) => onError(data));
  hls.attachMedia(video);
  hls.loadSource(url);
  return {
    setLevel(level) {
      hls.currentLevel = level;
    },
    destroy() {
      destroyed = true;
      hls.destroy();
    },
  };
}

function openNative(video: HTMLVideoElement, url: string, events: PlaylistStreamEvents): PlaylistStream {
  const onMetadata = () => events.ready(false);
  const onError = () => events.failed(UNPLAYABLE);
  video.src = url;
  video.addEventListener('loadedmetadata', onMetadata, { once: true });
  video.addEventListener('error', onError);
  return {
    destroy() {
      video.removeEventListener('loadedmetadata', onMetadata);
      video.removeEventListener('error', onError);
      video.removeAttribute('src');
      video.load();
    },
  };
}
