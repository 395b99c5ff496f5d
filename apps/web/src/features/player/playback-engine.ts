import { frameMidpointSeconds, secondsToFrame } from '@cutroom/timecode';
import Hls, { type ErrorData } from 'hls.js';
import type { FrameRange } from './loop-range';
import { nextShuttleSpeed } from './shortcuts';
import type { Timebase } from './timebase';

export const PLAYBACK_SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface QualityLevel {
  index: number;
  width: number;
  height: number;
  bitrate: number;
}

/** What the controls show; replaced (never mutated) on every change. */
export interface PlaybackSnapshot {
  /** The frame on screen: from `requestVideoFrameCallback`'s mediaTime, never from currentTime alone. */
  frame: number;
  playing: boolean;
  /** Signed J/L speed while shuttling (−2 is backward at 2×); 0 otherwise. */
  shuttle: number;
  /** The chosen speed for ordinary playback. */
  speed: number;
  volume: number;
  muted: boolean;
  levels: readonly QualityLevel[];
  /** The chosen level; −1 lets hls.js choose. */
  level: number;
  /** The level being played. */
  activeLevel: number;
  /** No picture yet (loading, or buffering while playing). */
  waiting: boolean;
  /** Frames that can be played so far; less than the whole while a version is still being processed. */
  availableFrames: number | null;
  error: string | null;
}

export interface PlaybackSource {
  /** Loading the same version again (its playlist finished growing) keeps the frame and play state. */
  versionId: string;
  url: string;
  timebase: Timebase;
  /** The playlist is still growing (the version is processing but already playable). */
  growing: boolean;
}

const initialSnapshot: PlaybackSnapshot = {
  frame: 0,
  playing: false,
  shuttle: 0,
  speed: 1,
  volume: 1,
  muted: false,
  levels: [],
  level: -1,
  activeLevel: -1,
  waiting: true,
  availableFrames: null,
  error: null,
};

const MAX_NETWORK_RECOVERIES = 3;

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback(callback: (now: number, metadata: { mediaTime: number }) => void): number;
  cancelVideoFrameCallback(handle: number): void;
};

function hasFrameCallbacks(video: HTMLVideoElement): video is FrameCallbackVideo {
  return 'requestVideoFrameCallback' in video;
}

/**
 * Drives one `<video>` through hls.js, in frames. It is the only code that sets the element's time:
 * seeks go to the middle of a frame, and the frame on screen is read back from each presented frame.
 */
export class PlaybackEngine {
  private video: HTMLVideoElement | null = null;
  private hls: Hls | null = null;
  private source: PlaybackSource | null = null;
  private snapshot: PlaybackSnapshot = initialSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Where the last seek is going, until it lands: steps add up from here, not from the old frame. */
  private pendingFrame: number | null = null;
  private frameCallback: number | null = null;
  private animationFrame: number | null = null;
  private reverseFrom: { wallMs: number; frame: number } | null = null;
  private networkRecoveries = 0;
  /** Playing forward inside this range goes back to its start after its last frame. */
  private loop: FrameRange | null = null;
  private mediaRecovered = false;
  private readonly detachListeners: Array<() => void> = [];

  getSnapshot = (): PlaybackSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get currentFrame(): number {
    return this.snapshot.frame;
  }

  /** The last frame that can be shown now. */
  get lastFrame(): number {
    const { availableFrames } = this.snapshot;
    const total = this.source?.timebase.frameCount ?? availableFrames ?? 1;
    return Math.max(0, Math.min(total, availableFrames ?? total) - 1);
  }

  attach(video: HTMLVideoElement): void {
    if (this.video === video) return;
    this.detach();
    this.video = video;
    video.volume = this.snapshot.volume;
    video.muted = this.snapshot.muted;
    const on = <K extends keyof HTMLMediaElementEventMap>(type: K, handler: () => void) => {
      video.addEventListener(type, handler);
      this.detachListeners.push(() => video.removeEventListener(type, handler));
    };
    on('play', () => this.update({ playing: true }));
    on('pause', () => {
      if (this.snapshot.shuttle < 0) return; // reverse shuttle pauses the element itself
      this.update({ playing: false, shuttle: 0 });
      this.settleOnShownFrame();
    });
    on('ended', () => {
      if (this.loop) {
        this.seekToFrame(this.loop.from);
        video.play().catch(() => {});
        return;
      }
      this.update({ playing: false, shuttle: 0 });
    });
    on('waiting', () => this.update({ waiting: true }));
    on('playing', () => this.update({ waiting: false }));
    on('canplay', () => this.update({ waiting: false }));
    on('loadeddata', () => this.update({ waiting: false }));
    on('seeked', () => {
      // With frame callbacks a seek has landed only once its frame is presented (see watchFrames).
      if (hasFrameCallbacks(video) && this.hasPicture()) return;
      if (!video.seeking) this.pendingFrame = null;
      this.showFrame(this.frameAt(video.currentTime));
    });
    on('timeupdate', () => {
      if (!hasFrameCallbacks(video) || !this.hasPicture()) this.showFrame(this.frameAt(video.currentTime));
    });
    on('progress', () => this.readAvailable());
    on('durationchange', () => this.readAvailable());
    on('volumechange', () => this.update({ volume: video.volume, muted: video.muted }));
    on('error', () => {
      if (!this.hls) this.update({ error: 'This version cannot be played in this browser.' });
    });
    this.watchFrames();
  }

  detach(): void {
    this.stopReverse();
    if (this.video && this.frameCallback !== null && hasFrameCallbacks(this.video)) {
      this.video.cancelVideoFrameCallback(this.frameCallback);
    }
    this.frameCallback = null;
    for (const remove of this.detachListeners.splice(0)) remove();
    this.destroyHls();
    this.video = null;
  }

  /** Plays `source`, showing `startFrame` first; reloading the same version keeps its place. */
  load(source: PlaybackSource, startFrame = 0): void {
    const video = this.video;
    if (!video) return;
    const reloading = this.source?.versionId === source.versionId;
    if (reloading) startFrame = this.pendingFrame ?? this.snapshot.frame;
    const autoplay = reloading && this.snapshot.playing && this.snapshot.shuttle >= 0;
    this.destroyHls();
    this.stopReverse();
    this.source = source;
    this.networkRecoveries = 0;
    this.mediaRecovered = false;
    const first = Math.max(0, Math.min(startFrame, (source.timebase.frameCount ?? startFrame + 1) - 1));
    this.pendingFrame = first;
    this.update({
      frame: first,
      playing: false,
      shuttle: 0,
      waiting: true,
      error: null,
      levels: [],
      level: -1,
      activeLevel: -1,
      availableFrames: null,
    });
    const startSeconds = frameMidpointSeconds(first, source.timebase.rate);

    if (Hls.isSupported()) {
      const hls = new Hls({
        startPosition: startSeconds,
        // Frame-accurate review wants the whole playlist, from its start, even while it grows.
        liveDurationInfinity: false,
        lowLatencyMode: false,
        backBufferLength: 60,
      });
      this.hls = hls;
      hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
        this.update({
          levels: data.levels.map((level, index) => ({
            index,
            width: level.width,
            height: level.height,
            bitrate: level.bitrate,
          })),
        });
        if (autoplay) this.play();
      });
      hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => this.update({ activeLevel: data.level }));
      hls.on(Hls.Events.LEVEL_LOADED, () => this.readAvailable());
      hls.on(Hls.Events.FRAG_BUFFERED, () => {
        this.networkRecoveries = 0;
        this.readAvailable();
      });
      hls.on(Hls.Events.ERROR, (_event, data) => this.onHlsError(hls, data));
      hls.attachMedia(video);
      hls.loadSource(source.url);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = source.url;
      video.addEventListener(
        'loadedmetadata',
        () => {
          this.seekToFrame(first);
          if (autoplay) this.play();
        },
        { once: true },
      );
    } else {
      this.update({
        error: 'This browser cannot play HLS video. Try a current Chrome, Edge, Firefox or Safari.',
      });
    }
  }

  /** Shows `frame`: seeks to its middle, so the decoder never lands on a neighbour. */
  seekToFrame(frame: number): void {
    const video = this.video;
    const source = this.source;
    if (!video || !source || !Number.isFinite(frame)) return;
    const target = Math.max(0, Math.min(Math.round(frame), this.lastFrame));
    this.pendingFrame = target;
    video.currentTime = frameMidpointSeconds(target, source.timebase.rate);
  }

  /** Moves by whole frames from where the picture is (or is about to be); stepping pauses. */
  step(delta: number): void {
    if (this.snapshot.playing || this.snapshot.shuttle !== 0) this.pause();
    this.seekToFrame((this.pendingFrame ?? this.snapshot.frame) + delta);
  }

  /** Loops forward playback over `range` (null: no loop). */
  setLoop(range: FrameRange | null): void {
    this.loop = range;
  }

  play(): void {
    const video = this.video;
    if (!video || !this.source) return;
    this.stopReverse();
    this.pendingFrame = null;
    const frame = this.snapshot.frame;
    if (this.loop && (frame < this.loop.from || frame >= this.loop.to)) {
      this.seekToFrame(this.loop.from);
    } else if (frame >= this.lastFrame && this.source.timebase.frameCount !== null) {
      this.seekToFrame(0);
    }
    video.playbackRate = this.snapshot.speed;
    this.update({ shuttle: 0 });
    video.play().catch(() => {
      // Refused (no user gesture yet) or interrupted by a pause: the controls already say "paused".
    });
  }

  pause(): void {
    const video = this.video;
    if (!video) return;
    const wasReversing = this.snapshot.shuttle < 0;
    this.stopReverse();
    this.update({ shuttle: 0, playing: false });
    video.pause();
    video.playbackRate = this.snapshot.speed;
    if (wasReversing) this.settleOnShownFrame();
  }

  togglePlay(): void {
    if (this.snapshot.playing || this.snapshot.shuttle !== 0) this.pause();
    else this.play();
  }

  /** J/L: forward uses the element's rate; backward steps back through frames against the clock. */
  shuttle(direction: 1 | -1): void {
    const video = this.video;
    if (!video || !this.source) return;
    const current =
      this.snapshot.shuttle !== 0 ? this.snapshot.shuttle : this.snapshot.playing ? this.snapshot.speed : 0;
    const speed = nextShuttleSpeed(current, direction);
    if (speed > 0) {
      this.stopReverse();
      video.playbackRate = speed;
      this.update({ shuttle: speed });
      video.play().catch(() => {});
      return;
    }
    video.pause();
    this.reverseFrom = { wallMs: performance.now(), frame: this.pendingFrame ?? this.snapshot.frame };
    this.update({ shuttle: speed, playing: true });
    if (this.animationFrame === null) this.animationFrame = requestAnimationFrame(this.reverseTick);
  }

  setSpeed(speed: number): void {
    this.update({ speed });
    if (this.video && this.snapshot.shuttle === 0) this.video.playbackRate = speed;
  }

  setVolume(volume: number): void {
    if (!this.video) return;
    this.video.volume = Math.max(0, Math.min(1, volume));
    if (volume > 0) this.video.muted = false;
  }

  setMuted(muted: boolean): void {
    if (this.video) this.video.muted = muted;
  }

  /** −1 for automatic; otherwise switches now, keeping the frame on screen. */
  setLevel(level: number): void {
    if (!this.hls) return;
    this.hls.currentLevel = level;
    this.update({ level });
  }

  private reverseTick = (nowMs: number) => {
    this.animationFrame = null;
    const video = this.video;
    const from = this.reverseFrom;
    const source = this.source;
    if (!video || !from || !source || this.snapshot.shuttle >= 0) return;
    if (!video.seeking) {
      const elapsed = (nowMs - from.wallMs) / 1000;
      const fps = source.timebase.rate.fpsNum / source.timebase.rate.fpsDen;
      const target = from.frame - Math.round(elapsed * fps * Math.abs(this.snapshot.shuttle));
      if (target <= 0) {
        this.seekToFrame(0);
        this.stopReverse();
        this.update({ shuttle: 0, playing: false });
        return;
      }
      if (target !== this.pendingFrame && target !== this.snapshot.frame) this.seekToFrame(target);
    }
    this.animationFrame = requestAnimationFrame(this.reverseTick);
  };

  private stopReverse() {
    if (this.animationFrame !== null) cancelAnimationFrame(this.animationFrame);
    this.animationFrame = null;
    this.reverseFrom = null;
  }

  /** After a pause the element's time may run ahead of the picture: put it back on the frame shown. */
  private settleOnShownFrame() {
    const video = this.video;
    if (!video || !this.source || this.pendingFrame !== null) return;
    if (this.frameAt(video.currentTime) !== this.snapshot.frame) this.seekToFrame(this.snapshot.frame);
  }

  private watchFrames() {
    const video = this.video;
    if (!video || !hasFrameCallbacks(video)) return;
    const onFrame = (_now: number, metadata: { mediaTime: number }) => {
      if (this.video !== video) return;
      if (this.hasPicture()) {
        const frame = this.frameAt(metadata.mediaTime);
        if (frame === this.pendingFrame) this.pendingFrame = null;
        this.showFrame(frame);
      }
      this.frameCallback = video.requestVideoFrameCallback(onFrame);
    };
    this.frameCallback = video.requestVideoFrameCallback(onFrame);
  }

  private hasPicture(): boolean {
    return this.video !== null && this.video.videoWidth > 0;
  }

  private frameAt(seconds: number): number {
    if (!this.source || !Number.isFinite(seconds) || seconds < 0) return this.snapshot.frame;
    return secondsToFrame(seconds, this.source.timebase.rate);
  }

  private showFrame(frame: number) {
    if (frame !== this.snapshot.frame) this.update({ frame });
    const loop = this.loop;
    const playingForward = this.snapshot.playing && this.snapshot.shuttle >= 0;
    // Not while a seek is under way: the frames shown then are from before it.
    if (loop && playingForward && !this.video?.seeking && frame >= loop.to) this.seekToFrame(loop.from);
  }

  private readAvailable() {
    const video = this.video;
    const source = this.source;
    if (!video || !source) return;
    if (!source.growing) {
      if (this.snapshot.availableFrames !== null) this.update({ availableFrames: null });
      return;
    }
    const { seekable } = video;
    const end = seekable.length > 0 ? seekable.end(seekable.length - 1) : 0;
    const frames = Math.floor((end * source.timebase.rate.fpsNum) / source.timebase.rate.fpsDen);
    if (frames > 0 && frames !== this.snapshot.availableFrames) this.update({ availableFrames: frames });
  }

  private onHlsError(hls: Hls, data: ErrorData) {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && this.networkRecoveries < MAX_NETWORK_RECOVERIES) {
      this.networkRecoveries += 1;
      const url = this.source?.url;
      const manifestFailed = data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR;
      setTimeout(() => {
        if (this.hls !== hls) return;
        if (manifestFailed && url) hls.loadSource(url);
        else hls.startLoad();
      }, 1000 * this.networkRecoveries);
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !this.mediaRecovered) {
      this.mediaRecovered = true;
      hls.recoverMediaError();
      return;
    }
    const status = data.response?.code;
    const message =
      data.type === Hls.ErrorTypes.NETWORK_ERROR
        ? status === 401 || status === 403 || status === 404
          ? 'The video is not available (it may have been deleted, or your access changed). Reload to try again.'
          : 'The video stopped loading: the connection to the server was lost. Reload to try again.'
        : 'This version cannot be played in this browser.';
    this.update({ error: message, waiting: false, playing: false, shuttle: 0 });
  }

  private destroyHls() {
    this.hls?.destroy();
    this.hls = null;
    if (this.video?.src.startsWith('http')) {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }

  private update(change: Partial<PlaybackSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
