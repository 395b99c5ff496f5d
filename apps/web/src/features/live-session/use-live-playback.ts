import type { LiveAck, LiveCompare, LiveSessionState, LiveTransport, Version } from '@cutroom/contracts';
import { playheadFrame } from '@cutroom/timecode';
import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import type { PlayerHandle } from '../player/Player';
import { followCorrection, hostPosition } from './follow-correction';
import { hostOutOfSight } from './out-of-sight';
import {
  type HostPlayhead,
  hostSample,
  hostTransportChanged,
  type SentTransport,
  showsSessionState,
  transportOf,
} from './host-transport';

/** How often a follower looks at where it is against where the host is. */
const FOLLOW_LOOK_MS = 250;
/** Looks in a row that the browser would not start playback before the page asks for a click. */
const REFUSED_STARTS = 4;
/** How often a playing host renews where playback is. */
const HOST_ANCHOR_MS = 2000;

function frameRateOf(version: Version | undefined): { fpsNum: number; fpsDen: number } | null {
  const fpsNum = version?.media?.fpsNum ?? null;
  const fpsDen = version?.media?.fpsDen ?? null;
  return fpsNum !== null && fpsDen !== null && fpsNum > 0 && fpsDen > 0 ? { fpsNum, fpsDen } : null;
}

/**
 * Joined (or back after a reload), my page follows the session until its player shows the session's
 * state; then `onCaughtUp`. A host drives only after it (see `LiveSessionView.catchingUp`).
 */
export function useLiveCatchUp(
  catchingUp: boolean,
  session: LiveSessionState | null,
  clockOffsetMs: number,
  versions: readonly Version[],
  version: Version | undefined,
  playhead: HostPlayhead | null,
  compare: LiveCompare | null,
  onCaughtUp: () => void,
): void {
  const caughtUp = useEffectEvent(onCaughtUp);
  useEffect(() => {
    if (!catchingUp || !session || !version || !playhead) return;
    const rate = frameRateOf(versions.find((v) => v.id === session.transport.versionId));
    if (!rate) return;
    const stamped = { transport: session.transport, sentAtMs: Date.parse(session.changedAt) - clockOffsetMs };
    const mine = transportOf(version.id, playhead, compare);
    if (showsSessionState(stamped, mine, Date.now(), rate)) caughtUp();
  }, [catchingUp, session, clockOffsetMs, versions, version, playhead, compare]);
}

/**
 * While I host (and my page has caught up with the session): every play, pause, seek, step, speed, loop and version change goes to the followers,
 * and the compare view I have open (`compare`; null on the review page), with each change of it.
 */
export function useLiveHost(
  hosting: boolean,
  assetId: string,
  version: Version | undefined,
  playhead: HostPlayhead | null,
  playerRef: RefObject<PlayerHandle | null>,
  drive: (assetId: string, transport: LiveTransport, sampleAgeMs?: number) => Promise<LiveAck>,
  compare: LiveCompare | null,
): void {
  const sent = useRef<SentTransport | null>(null);
  const send = useEffectEvent((always: boolean) => {
    const rate = frameRateOf(version);
    const reported = version && playhead ? transportOf(version.id, playhead, compare) : null;
    if (!rate || !reported) return;
    // Playing, the anchor is where playback is this instant, not the last picture the page heard
    // of: the frame it is in, and how long ago it got there.
    const position = playerRef.current?.position;
    const sample =
      reported.playing && position !== undefined ? hostSample(position, reported.rate, rate) : null;
    const transport = sample ? { ...reported, frame: sample.frame } : reported;
    const now = Date.now();
    if (!always && !hostTransportChanged(sent.current, transport, now, rate)) return;
    sent.current = { transport, sentAtMs: now - (sample?.sampleAgeMs ?? 0) };
    void drive(assetId, transport, sample?.sampleAgeMs);
  });
  useEffect(() => {
    if (!hosting) sent.current = null;
    else send(false);
  }, [hosting, assetId, version, playhead, compare]);
  // Playing, the anchor is renewed now and then: a start that took a moment, or a stall, is caught up.
  const playing = hosting && (playhead?.playing ?? false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => send(true), HOST_ANCHOR_MS);
    return () => clearInterval(timer);
  }, [playing]);
}

/**
 * Where the host is, when it is not where my page is: another version, or the compare view (or out
 * of it, or another pair). `frame` is the host's frame now.
 */
export type FollowElsewhere = (transport: LiveTransport, frame: number) => void;

/**
 * While I follow: my page shows the host's version (in compare, the host's pair: `compare` is what my
 * page shows, null on the review page) and, paused, exactly the host's frame (the host's loop
 * reaches it as a prop, see `sharedLoopOf`, and shows on my timeline); playing, it keeps within a
 * frame by nudging its speed, and seeks only when far off. True while the host plays and the
 * browser will not start my player without a click on the page (it refuses sound before one, as on
 * a page opened by a session link): the page then asks for it.
 */
export function useLiveFollow(
  following: boolean,
  session: LiveSessionState | null,
  clockOffsetMs: number,
  version: Version | undefined,
  versions: readonly Version[],
  playerRef: RefObject<PlayerHandle | null>,
  onFollowElsewhere: FollowElsewhere,
  compare: LiveCompare | null = null,
): boolean {
  const chosenSpeed = useRef<number | null>(null);
  const refusedStarts = useRef(0);
  const [blocked, setBlocked] = useState(false);
  const goElsewhere = useEffectEvent(onFollowElsewhere);
  // Where I was last sent: asked once, not at every look while the page changes.
  const sentTo = useRef<string | null>(null);
  const comparing = compare?.versionId ?? null;
  useEffect(() => {
    chosenSpeed.current = null;
    refusedStarts.current = 0;
    if (!following || !session) return;
    const { transport } = session;
    const changedAtMs = Date.parse(session.changedAt);
    const look = () => {
      const rate = frameRateOf(versions.find((v) => v.id === transport.versionId));
      const lastFrame = (version?.media?.frameCount ?? 0) > 0 ? (version?.media?.frameCount ?? 1) - 1 : null;
      const elapsedMs = () => Date.now() + clockOffsetMs - changedAtMs;
      const hostFrame = () =>
        rate ? playheadFrame(transport, elapsedMs(), rate, lastFrame) : transport.frame;
      const hostComparing = transport.compare?.versionId ?? null;
      if (transport.versionId !== version?.id || hostComparing !== comparing) {
        const there = `${transport.versionId}:${hostComparing}`;
        // Only versions I can see: a version I may not see leaves me where I am (the bar says why).
        if (hostOutOfSight(transport, versions) === null && sentTo.current !== there) {
          sentTo.current = there;
          goElsewhere(transport, hostFrame());
        }
        return;
      }
      sentTo.current = null;
      const player = playerRef.current;
      if (!player) return;
      if (chosenSpeed.current !== transport.rate) {
        player.setSpeed(transport.rate);
        chosenSpeed.current = transport.rate;
      }
      refusedStarts.current = transport.playing && !player.playing ? refusedStarts.current + 1 : 0;
      setBlocked(refusedStarts.current > REFUSED_STARTS);
      if (!transport.playing) {
        if (player.playing) player.pause();
        if (player.playheadFrame !== transport.frame) player.seekToFrame(transport.frame);
        return;
      }
      const target = hostFrame();
      if (!player.playing) {
        player.seekToFrame(target);
        player.play();
        return;
      }
      if (!rate) return;
      const correction = followCorrection(
        player.position,
        hostPosition(transport, elapsedMs(), rate, lastFrame),
        transport.rate,
        rate.fpsNum / rate.fpsDen,
      );
      if (correction.seekTo !== null) player.seekToFrame(correction.seekTo);
      player.nudgeRate(correction.playbackRate);
    };
    look();
    const timer = setInterval(look, FOLLOW_LOOK_MS);
    return () => clearInterval(timer);
  }, [following, session, clockOffsetMs, version, versions, playerRef, comparing]);
  return following && blocked;
}
