/** The element events the engine follows. */
export type PlaybackEvent =
  | 'play'
  | 'pause'
  | 'ended'
  | 'waiting'
  | 'playing'
  | 'canplay'
  | 'loadeddata'
  | 'seeked'
  | 'timeupdate'
  | 'progress'
  | 'durationchange'
  | 'volumechange';

export type PresentedFrameCallback = (nowMs: number, metadata: { mediaTime: number }) => void;

/**
 * The part of a `<video>` the playback engine uses: an `HTMLVideoElement` is one, and a fake in the
 * unit tests is another, so stepping, seeking, looping and shuttling can be proven frame by frame.
 */
export interface PlaybackSource {
  currentTime: number;
  readonly seeking: boolean;
  playbackRate: number;
  volume: number;
  muted: boolean;
  /** Zero until a picture has been decoded. */
  readonly videoWidth: number;
  readonly seekable: { readonly length: number; end(index: number): number };
  /** The time ranges whose media is loaded. */
  readonly buffered: { readonly length: number; start(index: number): number; end(index: number): number };
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: PlaybackEvent, listener: () => void): void;
  removeEventListener(type: PlaybackEvent, listener: () => void): void;
  /** Called once when the next frame is presented; its mediaTime is that frame's own time. */
  requestVideoFrameCallback?(callback: PresentedFrameCallback): number;
  cancelVideoFrameCallback?(handle: number): void;
}

export type FrameCallbackSource = PlaybackSource &
  Required<Pick<PlaybackSource, 'requestVideoFrameCallback' | 'cancelVideoFrameCallback'>>;

/** Browsers without frame callbacks fall back to the element's clock. */
export function hasFrameCallbacks(source: PlaybackSource): source is FrameCallbackSource {
  return 'requestVideoFrameCallback' in source;
}

/** The wall clock and display refresh that drive the reverse shuttle. */
export interface FrameClock {
  now(): number;
  requestFrame(callback: (nowMs: number) => void): number;
  cancelFrame(handle: number): void;
}

export const browserFrameClock: FrameClock = {
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
};
