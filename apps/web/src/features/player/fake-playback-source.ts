import { frameToSeconds, type FrameRate } from '@cutroom/timecode';
import type { FrameClock, PlaybackEvent, PlaybackSource, PresentedFrameCallback } from './playback-source';
import type { OpenPlaylistStream } from './playlist-stream';

/** How far before the loaded media a seek may be and still land, on its first picture (Chromium). */
const SEEK_TO_START_ROOM_SECONDS = 1;

/**
 * When a frame is presented, as a browser reports it in `mediaTime`: stamped on the 90 kHz clock of
 * the stream, then cut to whole microseconds, so it can fall a hair before the frame's exact start.
 */
export function presentationTime(frame: number, rate: FrameRate): number {
  const ticks = Math.round((frame * rate.fpsDen * 90_000) / rate.fpsNum);
  return Math.floor((ticks * 100) / 9) / 1e6;
}

/**
 * A `<video>` for unit tests, driven by hand. Like a browser it queues its events; `run()` lets them
 * happen (seeks land, their frames are presented), and `playFrames(n)` lets playback move on n frames.
 * Its frames are stamped with `presentationTime`, so the engine has to read frames as a browser needs.
 */
export class FakePlaybackSource implements PlaybackSource {
  playbackRate = 1;
  volume = 1;
  muted = false;
  videoWidth = 0;
  seeking = false;
  paused = true;
  /** Seconds the stream can play so far (all of it unless set smaller, as for a growing playlist). */
  availableSeconds: number;
  /**
   * How far the element's clock runs ahead of the frame it presents while playing, in frames: a browser's
   * currentTime is already past the picture by the time a frame reaches the screen.
   */
  clockLeadFrames = 0;
  /**
   * Where the loaded media starts, in seconds: 0 unless the stream opened further in and its first
   * pictures are not loaded yet (see `loadFrom`).
   */
  bufferedFrom = 0;
  /** The frame on the screen; null before the first is presented. */
  shownFrame: number | null = null;
  private time = 0;
  private readonly tasks: Array<() => void> = [];
  private readonly listeners = new Map<PlaybackEvent, Set<() => void>>();
  private readonly frameCallbacks = new Map<number, PresentedFrameCallback>();
  private nextCallbackId = 1;

  constructor(
    readonly rate: FrameRate,
    readonly frameCount: number,
  ) {
    this.availableSeconds = frameToSeconds(frameCount, rate);
  }

  get duration(): number {
    return frameToSeconds(this.frameCount, this.rate);
  }

  get seekable() {
    const end = this.availableSeconds;
    return { length: 1, end: () => end };
  }

  get buffered() {
    const [start, end] = [this.bufferedFrom, this.availableSeconds];
    return { length: 1, start: () => start, end: () => end };
  }

  /** More media is loaded, from `seconds` on: the element says so with a progress event. */
  loadFrom(seconds: number): void {
    this.bufferedFrom = seconds;
    this.queue('progress');
  }

  get currentTime(): number {
    return this.time;
  }

  /** A seek: it lands (and its frame is presented) in the next `run()`, after the events queued before it. */
  set currentTime(seconds: number) {
    this.time = Math.max(0, Math.min(seconds, this.duration));
    this.seeking = true;
  }

  play(): Promise<void> {
    if (this.paused) {
      this.paused = false;
      this.queue('play', 'playing');
    }
    return Promise.resolve();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.queue('timeupdate', 'pause');
  }

  addEventListener(type: PlaybackEvent, listener: () => void): void {
    const listeners = this.listeners.get(type) ?? new Set();
    listeners.add(listener);
    this.listeners.set(type, listeners);
  }

  removeEventListener(type: PlaybackEvent, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  requestVideoFrameCallback(callback: PresentedFrameCallback): number {
    const handle = this.nextCallbackId++;
    this.frameCallbacks.set(handle, callback);
    return handle;
  }

  cancelVideoFrameCallback(handle: number): void {
    this.frameCallbacks.delete(handle);
  }

  /** Work for the next `run()`, after what is queued already. */
  later(task: () => void): void {
    this.tasks.push(task);
  }

  /** Lets everything queued happen, including what it queues in turn. */
  run(): void {
    let landed = false;
    for (;;) {
      const task = this.tasks.shift();
      if (task) task();
      // One seek per run: one made by the seek landing now (a one-frame loop) waits, as for a browser's next frame.
      else if (this.seeking && !landed) {
        landed = true;
        this.landSeek();
      } else return;
    }
  }

  /**
   * Plays on for `count` frame intervals: each presents the next frame, or lands a seek made meanwhile
   * (its frame then fills the interval).
   */
  playFrames(count: number): void {
    for (let played = 0; played < count; played += 1) {
      const landingSeek = this.seeking;
      this.run();
      if (this.paused) return;
      if (landingSeek || this.seeking) continue;
      const next = (this.shownFrame ?? -1) + 1;
      if (next >= this.frameCount) {
        this.time = this.duration;
        this.paused = true;
        this.queue('timeupdate', 'pause', 'ended');
        return;
      }
      this.time = presentationTime(next, this.rate) + frameToSeconds(1, this.rate) * this.clockLeadFrames;
      this.present(next);
      this.queue('timeupdate');
    }
  }

  /** The media turns up: the stream starts at `seconds`, as hls.js does with its start position. */
  startAt(seconds: number): void {
    // New media resets the element: it is paused until asked to play again.
    this.paused = true;
    this.videoWidth = 1920;
    this.currentTime = seconds;
    this.queue('loadeddata', 'canplay');
  }

  /**
   * A seek lands. Short of the loaded media by up to a second (Chromium's room for streams that do not
   * start exactly at 0), it lands at once, on the first picture loaded: the clock says one time, the
   * screen shows a later frame.
   */
  private landSeek() {
    this.seeking = false;
    this.dispatch('timeupdate');
    this.dispatch('seeked');
    const short =
      this.time < this.bufferedFrom && this.bufferedFrom - this.time <= SEEK_TO_START_ROOM_SECONDS;
    this.present(this.frameAt(short ? this.bufferedFrom : this.time));
  }

  private frameAt(seconds: number): number {
    let frame = Math.floor((seconds * this.rate.fpsNum) / this.rate.fpsDen);
    while (frame > 0 && presentationTime(frame, this.rate) > seconds) frame -= 1;
    while (presentationTime(frame + 1, this.rate) <= seconds) frame += 1;
    return Math.min(frame, this.frameCount - 1);
  }

  private present(frame: number) {
    this.shownFrame = frame;
    const mediaTime = presentationTime(frame, this.rate);
    const callbacks = [...this.frameCallbacks.values()];
    this.frameCallbacks.clear();
    for (const callback of callbacks) callback(0, { mediaTime });
  }

  private queue(...types: PlaybackEvent[]) {
    for (const type of types) this.tasks.push(() => this.dispatch(type));
  }

  private dispatch(type: PlaybackEvent) {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener();
  }
}

/** Opens a version on a fake source: once `run()`, its levels are known and it shows the start frame. */
export const openFakeStream: OpenPlaylistStream<FakePlaybackSource> = (source, { startSeconds }, events) => {
  let open = true;
  source.later(() => {
    if (!open) return;
    events.levels([{ index: 0, width: 1920, height: 1080, bitrate: 8_000_000 }]);
    events.ready(true);
    events.buffered();
  });
  source.startAt(startSeconds);
  return {
    setLevel() {},
    destroy() {
      open = false;
    },
  };
};

/** Display refreshes by hand: `tick(ms)` moves the clock on and runs the frame callbacks then due. */
export class FakeFrameClock implements FrameClock {
  private nowMs = 1000;
  private nextHandle = 1;
  private readonly callbacks = new Map<number, (nowMs: number) => void>();

  now(): number {
    return this.nowMs;
  }

  requestFrame(callback: (nowMs: number) => void): number {
    const handle = this.nextHandle++;
    this.callbacks.set(handle, callback);
    return handle;
  }

  cancelFrame(handle: number): void {
    this.callbacks.delete(handle);
  }

  tick(ms: number): void {
    this.nowMs += ms;
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const callback of due) callback(this.nowMs);
  }
}
