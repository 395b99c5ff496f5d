import { frameMidpointSeconds, secondsToFrame } from '@cutroom/timecode';
import type { FrameRange } from './loop-range';
import { initialSnapshot, type PlaybackSnapshot } from './playback-snapshot';
import {
  hasFrameCallbacks,
  type FrameClock,
  type PlaybackEvent,
  type PlaybackSource,
} from './playback-source';
import type { OpenPlaylistStream, PlaylistStream } from './playlist-stream';
import { ReverseShuttle } from './reverse-shuttle';
import { nextShuttleSpeed } from './shortcuts';
import type { Timebase } from './timebase';

/** The version to play. */
export interface PlayableVersion {
  /** Loading the same version again (its playlist finished growing) keeps the frame and play state. */
  versionId: string;
  url: string;
  timebase: Timebase;
  /** The playlist is still growing (the version is processing but already playable). */
  growing: boolean;
}

export interface PlaybackEngineOptions<Source extends PlaybackSource> {
  openStream: OpenPlaylistStream<Source>;
  clock: FrameClock;
  /**
   * The frame the first version will open on, reported from the start: until that version loads, the
   * page around the player (a live session's host) hears of it rather than of frame 0.
   */
  startFrame?: number;
}

/** The frame a version opens on: the one asked for, within the version's frames. */
export function openingFrame(startFrame: number, frameCount: number | null): number {
  return Math.max(0, Math.min(startFrame, (frameCount ?? startFrame + 1) - 1));
}

/**
 * Drives one playback source (a `<video>`) in frames. It is the only code that sets the source's time:
 * seeks go to the middle of a frame, and the frame on screen is read back from each presented frame.
 */
export class PlaybackEngine<Source extends PlaybackSource = PlaybackSource> {
  private source: Source | null = null;
  private stream: PlaylistStream | null = null;
  private version: PlayableVersion | null = null;
  private snapshot: PlaybackSnapshot = initialSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Where the last seek is going, until it lands: steps add up from here, not from the old frame. */
  private pendingFrame: number | null = null;
  private frameCallback: number | null = null;
  /** Playing forward inside this range goes back to its start after its last frame. */
  private loop: FrameRange | null = null;
  private readonly reverse: ReverseShuttle;
  private readonly detachListeners: Array<() => void> = [];

  constructor(private readonly options: PlaybackEngineOptions<Source>) {
    this.reverse = new ReverseShuttle(options.clock, (frame) => this.reverseTo(frame));
    if (options.startFrame) this.snapshot = { ...initialSnapshot, frame: options.startFrame };
  }

  getSnapshot = (): PlaybackSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The frame on screen (from the last presented frame). */
  get currentFrame(): number {
    return this.snapshot.frame;
  }

  /**
   * The frame a key press acts on. Playing: the one on screen (a loop's jump back is not yet the
   * picture). Paused: the one a step or seek already asked for and not yet shown, else the one on
   * screen. Read synchronously, so keys pressed faster than frames are drawn add up exactly.
   */
  get playheadFrame(): number {
    if (this.snapshot.playing || this.snapshot.shuttle !== 0) return this.snapshot.frame;
    return this.pendingFrame ?? this.snapshot.frame;
  }

  /**
   * Where forward playback is at this instant, in frames with the fraction between pictures (10.25:
   * a quarter of the way through frame 10's time on screen), by the element's clock. Players kept in
   * step compare this, not the last picture, which trails it by up to a frame and by how late the
   * page heard of it. Paused or shuttling, the playhead frame.
   */
  get position(): number {
    const source = this.source;
    if (!source || !this.version || !this.snapshot.playing || this.snapshot.shuttle !== 0)
      return this.playheadFrame;
    const seconds = source.currentTime;
    if (!Number.isFinite(seconds) || seconds < 0) return this.playheadFrame;
    const { fpsNum, fpsDen } = this.version.timebase.rate;
    return Math.min((seconds * fpsNum) / fpsDen, this.lastFrame);
  }

  /** The last frame that can be shown now. */
  get lastFrame(): number {
    const { availableFrames } = this.snapshot;
    const total = this.version?.timebase.frameCount ?? availableFrames ?? 1;
    return Math.max(0, Math.min(total, availableFrames ?? total) - 1);
  }

  attach(source: Source): void {
    if (this.source === source) return;
    this.detach();
    this.source = source;
    source.volume = this.snapshot.volume;
    source.muted = this.snapshot.muted;
    const on = (type: PlaybackEvent, handler: () => void) => {
      source.addEventListener(type, handler);
      this.detachListeners.push(() => source.removeEventListener(type, handler));
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
        source.play().catch(() => {});
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
      if (hasFrameCallbacks(source) && this.hasPicture()) return;
      if (!source.seeking) this.pendingFrame = null;
      this.showFrame(this.frameAt(source.currentTime));
    });
    on('timeupdate', () => {
      if (!hasFrameCallbacks(source) || !this.hasPicture()) this.showFrame(this.frameAt(source.currentTime));
    });
    on('progress', () => {
      this.readAvailable();
      this.seekAgainIfLandedShort();
    });
    on('durationchange', () => this.readAvailable());
    on('volumechange', () => this.update({ volume: source.volume, muted: source.muted }));
    this.watchFrames();
  }

  detach(): void {
    this.reverse.stop();
    if (this.source && this.frameCallback !== null && hasFrameCallbacks(this.source)) {
      this.source.cancelVideoFrameCallback(this.frameCallback);
    }
    this.frameCallback = null;
    for (const remove of this.detachListeners.splice(0)) remove();
    this.closeStream();
    this.source = null;
  }

  /** Plays `version`, showing `startFrame` first; reloading the same version keeps its place. */
  load(version: PlayableVersion, startFrame = 0): void {
    const source = this.source;
    if (!source) return;
    const reloading = this.version?.versionId === version.versionId;
    if (reloading) startFrame = this.pendingFrame ?? this.snapshot.frame;
    const autoplay = reloading && this.snapshot.playing && this.snapshot.shuttle >= 0;
    this.closeStream();
    this.reverse.stop();
    this.version = version;
    const first = openingFrame(startFrame, version.timebase.frameCount);
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
    this.stream = this.options.openStream(
      source,
      { url: version.url, startSeconds: frameMidpointSeconds(first, version.timebase.rate) },
      {
        levels: (levels) => this.update({ levels }),
        ready: (positioned) => {
          if (!positioned) this.seekToFrame(first);
          if (autoplay) this.play();
        },
        activeLevel: (activeLevel) => this.update({ activeLevel }),
        buffered: () => {
          this.readAvailable();
          this.seekAgainIfLandedShort();
        },
        failed: (error) => this.update({ error, waiting: false, playing: false, shuttle: 0 }),
      },
    );
  }

  /** Shows `frame`: seeks to its middle, so the decoder never lands on a neighbour. */
  seekToFrame(frame: number): void {
    const source = this.source;
    const version = this.version;
    if (!source || !version || !Number.isFinite(frame)) return;
    const target = Math.max(0, Math.min(Math.round(frame), this.lastFrame));
    this.pendingFrame = target;
    source.currentTime = frameMidpointSeconds(target, version.timebase.rate);
  }

  /** Moves by whole frames from where the picture is (or is about to be); stepping pauses. */
  step(delta: number): void {
    if (this.snapshot.playing || this.snapshot.shuttle !== 0) this.pause();
    this.seekToFrame(this.playheadFrame + delta);
  }

  /** Loops forward playback over `range` (null: no loop). */
  setLoop(range: FrameRange | null): void {
    this.loop = range;
  }

  play(): void {
    const source = this.source;
    if (!source || !this.version) return;
    this.reverse.stop();
    this.pendingFrame = null;
    const frame = this.snapshot.frame;
    if (this.loop && (frame < this.loop.from || frame >= this.loop.to)) {
      this.seekToFrame(this.loop.from);
    } else if (frame >= this.lastFrame && this.version.timebase.frameCount !== null) {
      this.seekToFrame(0);
    }
    source.playbackRate = this.snapshot.speed;
    this.update({ shuttle: 0 });
    source.play().catch(() => {
      // Refused (no user gesture yet) or interrupted by a pause: the controls already say "paused".
    });
  }

  pause(): void {
    const source = this.source;
    if (!source) return;
    const wasReversing = this.snapshot.shuttle < 0;
    this.reverse.stop();
    this.update({ shuttle: 0, playing: false });
    source.pause();
    source.playbackRate = this.snapshot.speed;
    if (wasReversing) this.settleOnShownFrame();
  }

  togglePlay(): void {
    if (this.snapshot.playing || this.snapshot.shuttle !== 0) this.pause();
    else this.play();
  }

  /** J/L: forward uses the element's rate; backward steps back through frames against the clock. */
  shuttle(direction: 1 | -1): void {
    const source = this.source;
    const version = this.version;
    if (!source || !version) return;
    const current =
      this.snapshot.shuttle !== 0 ? this.snapshot.shuttle : this.snapshot.playing ? this.snapshot.speed : 0;
    const speed = nextShuttleSpeed(current, direction);
    if (speed > 0) {
      this.reverse.stop();
      source.playbackRate = speed;
      this.update({ shuttle: speed });
      source.play().catch(() => {});
      return;
    }
    source.pause();
    this.reverse.begin(this.pendingFrame ?? this.snapshot.frame, -speed, version.timebase.rate);
    this.update({ shuttle: speed, playing: true });
  }

  setSpeed(speed: number): void {
    this.update({ speed });
    if (this.source && this.snapshot.shuttle === 0) this.source.playbackRate = speed;
  }

  /**
   * A live-session follower's correction: the element plays a little faster or slower to close a
   * gap without seeking; the chosen speed stays what the controls show, and the next play resets it.
   */
  nudgeRate(rate: number): void {
    if (this.source && this.snapshot.shuttle === 0 && Number.isFinite(rate) && rate > 0)
      this.source.playbackRate = rate;
  }

  setVolume(volume: number): void {
    if (!this.source) return;
    this.source.volume = Math.max(0, Math.min(1, volume));
    if (volume > 0) this.source.muted = false;
  }

  setMuted(muted: boolean): void {
    if (this.source) this.source.muted = muted;
  }

  /** −1 for automatic; otherwise switches now, keeping the frame on screen. */
  setLevel(level: number): void {
    if (!this.stream?.setLevel) return;
    this.stream.setLevel(level);
    this.update({ level });
  }

  /** One step of the reverse shuttle: shows `frame` unless a seek is still landing; false to stop. */
  private reverseTo(frame: number): boolean {
    const source = this.source;
    if (!source || !this.version || this.snapshot.shuttle >= 0) return false;
    if (source.seeking) return true;
    if (frame <= 0) {
      this.seekToFrame(0);
      this.reverse.stop();
      this.update({ shuttle: 0, playing: false });
      return false;
    }
    if (frame !== this.pendingFrame && frame !== this.snapshot.frame) this.seekToFrame(frame);
    return true;
  }

  /** After a pause the element's time may run ahead of the picture: put it back on the frame shown. */
  private settleOnShownFrame() {
    const source = this.source;
    if (!source || !this.version || this.pendingFrame !== null) return;
    if (this.frameAt(source.currentTime) !== this.snapshot.frame) this.seekToFrame(this.snapshot.frame);
  }

  private watchFrames() {
    const source = this.source;
    if (!source || !hasFrameCallbacks(source)) return;
    const onFrame = (_nowMs: number, metadata: { mediaTime: number }) => {
      if (this.source !== source) return;
      if (this.hasPicture()) {
        const frame = this.frameAt(metadata.mediaTime);
        if (frame === this.pendingFrame) this.pendingFrame = null;
        this.showFrame(frame);
      }
      this.frameCallback = source.requestVideoFrameCallback(onFrame);
    };
    this.frameCallback = source.requestVideoFrameCallback(onFrame);
  }

  private hasPicture(): boolean {
    return this.source !== null && this.source.videoWidth > 0;
  }

  private frameAt(seconds: number): number {
    if (!this.version || !Number.isFinite(seconds) || seconds < 0) return this.snapshot.frame;
    return secondsToFrame(seconds, this.version.timebase.rate);
  }

  private showFrame(frame: number) {
    if (frame !== this.snapshot.frame) this.update({ frame });
    const loop = this.loop;
    const playingForward = this.snapshot.playing && this.snapshot.shuttle >= 0;
    // Not while a seek is under way: the frames shown then are from before it.
    if (loop && playingForward && !this.source?.seeking && frame >= loop.to) this.seekToFrame(loop.from);
  }

  /**
   * A paused seek to a picture not loaded yet, less than a second before what is (the stream opened
   * further in, so its first pictures were never loaded), lands at once in Chromium on the first
   * picture loaded: Home on a cut opened at frame 40 showed frame 13. The seek stays pending, and is
   * made again once its time is loaded.
   */
  private seekAgainIfLandedShort() {
    const source = this.source;
    const version = this.version;
    const pending = this.pendingFrame;
    if (!source || !version || pending === null || source.seeking) return;
    if (this.snapshot.playing || this.snapshot.shuttle !== 0 || this.snapshot.frame === pending) return;
    const seconds = frameMidpointSeconds(pending, version.timebase.rate);
    const { buffered } = source;
    for (let index = 0; index < buffered.length; index += 1) {
      if (buffered.start(index) <= seconds && seconds < buffered.end(index)) {
        source.currentTime = seconds;
        return;
      }
    }
  }

  private readAvailable() {
    const source = this.source;
    const version = this.version;
    if (!source || !version) return;
    if (!version.growing) {
      if (this.snapshot.availableFrames !== null) this.update({ availableFrames: null });
      return;
    }
    const { seekable } = source;
    const end = seekable.length > 0 ? seekable.end(seekable.length - 1) : 0;
    // Tolerant of float error, so a range ending exactly on a frame boundary keeps its last frame.
    const frames = secondsToFrame(end, version.timebase.rate);
    if (frames > 0 && frames !== this.snapshot.availableFrames) this.update({ availableFrames: frames });
  }

  private closeStream() {
    this.stream?.destroy();
    this.stream = null;
  }

  private update(change: Partial<PlaybackSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
