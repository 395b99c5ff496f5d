import { LIVE_RATE_MAX, LIVE_RATE_MIN, type LiveCompare, type LiveTransport } from '@cutroom/contracts';
import type { PlayheadState } from '../player/Player';
import { FRAME_START_TOLERANCE, playheadFrame } from '@cutroom/timecode';

/** A playing host's frame may wander this far from its own last message before it counts as a seek. */
const HOST_SEEK_FRAMES = 3;

/** What the host last sent, and when by the host's clock. */
export interface SentTransport {
  transport: LiveTransport;
  sentAtMs: number;
}

/**
 * Whether the host's player has done something followers must hear of: a version, play, pause,
 * speed or loop change; a new frame while paused (a seek or a step); a jump while playing. Frames
 * advancing by playing are not news: followers work them out from the last message.
 */
export function hostTransportChanged(
  sent: SentTransport | null,
  now: LiveTransport,
  nowMs: number,
  frameRate: { fpsNum: number; fpsDen: number },
): boolean {
  if (!sent) return true;
  const before = sent.transport;
  if (
    before.versionId !== now.versionId ||
    before.playing !== now.playing ||
    before.rate !== now.rate ||
    before.loopIn !== now.loopIn ||
    before.loopOut !== now.loopOut ||
    !sameCompare(before.compare, now.compare)
  )
    return true;
  if (!now.playing) return before.frame !== now.frame;
  const expected = playheadFrame(before, nowMs - sent.sentAtMs, frameRate);
  const wrapped = now.loopIn !== null && now.loopOut !== null;
  return !wrapped && Math.abs(now.frame - expected) > HOST_SEEK_FRAMES;
}

/**
 * A playing host's position (frames, with the fraction between pictures) as a drive carries it: the
 * frame playback is in, and how long ago in ms playback reached that frame at `rate`, so the server
 * dates the change to the frame's start and followers reckon from there, not from a moment up to a
 * frame later (which kept them half a frame behind on average).
 */
export function hostSample(
  position: number,
  rate: number,
  frameRate: { fpsNum: number; fpsDen: number },
): { frame: number; sampleAgeMs: number } {
  const frame = Math.max(0, Math.floor(position + FRAME_START_TOLERANCE));
  const into = Math.max(0, position - frame);
  const msPerFrame = (1000 * frameRate.fpsDen) / (frameRate.fpsNum * rate);
  return { frame, sampleAgeMs: Math.round(into * msPerFrame) };
}

/**
 * Whether my player shows the session's state (`session`: its transport, and when it was stamped by
 * my clock): what a host who (re)joins waits for before driving. The wipe's split is left out: my
 * page takes the session's as it stops following.
 */
export function showsSessionState(
  session: SentTransport,
  mine: LiveTransport,
  nowMs: number,
  frameRate: { fpsNum: number; fpsDen: number },
): boolean {
  const split = session.transport.compare?.split;
  const alike = mine.compare && split !== undefined ? { ...mine, compare: { ...mine.compare, split } } : mine;
  return !hostTransportChanged(session, alike, nowMs, frameRate);
}

/** Whether two compare views (or none) show the same pair, laid out, lined up and wiped alike. */
export function sameCompare(x: LiveCompare | null, y: LiveCompare | null): boolean {
  if (x === null || y === null) return x === y;
  const offset = (c: LiveCompare) => (c.alignment.kind === 'offset' ? c.alignment.offset : null);
  return (
    x.versionId === y.versionId &&
    x.layout === y.layout &&
    x.swapped === y.swapped &&
    x.split === y.split &&
    x.alignment.kind === y.alignment.kind &&
    offset(x) === offset(y)
  );
}

/** What a host's page reports of its player (the review page's, or compare's A). */
export type HostPlayhead = Pick<PlayheadState, 'frame' | 'playing' | 'speed' | 'shuttle' | 'loop'>;

/**
 * My player's transport, as a host sends it. Shuttling forward (L) is playing at the shuttle's
 * speed (four times at most); shuttling backward (J) goes frame by frame as paused frames, so
 * followers show each frame the host passes. In the compare view, `versionId` is A's and `compare`
 * names B and how it is shown.
 */
export function transportOf(
  versionId: string,
  playhead: HostPlayhead,
  compare: LiveCompare | null = null,
): LiveTransport {
  const { shuttle } = playhead;
  const speed = shuttle > 0 ? shuttle : playhead.speed;
  return {
    versionId,
    frame: playhead.frame,
    playing: playhead.playing && shuttle >= 0,
    rate: Math.min(LIVE_RATE_MAX, Math.max(LIVE_RATE_MIN, speed)),
    loopIn: playhead.loop?.from ?? null,
    loopOut: playhead.loop?.to ?? null,
    compare,
  };
}
