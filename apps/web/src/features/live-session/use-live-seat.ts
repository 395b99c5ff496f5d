import type { LiveRole, LiveSessionState } from '@cutroom/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { drivingTabs } from '../../lib/realtime/driving-tab';
import { useLiveSessionActions, useLiveSessionView } from '../../lib/realtime/realtime-context';
import { useCurrentUser } from '../auth/session-queries';
import { holdsSeat } from './seat-held';

/** My place in the cut's live session, as the page around the player needs it. */
export interface LiveSeatView {
  session: LiveSessionState | null;
  joined: boolean;
  clockOffsetMs: number;
  /** My role, once I am in the session. */
  role: LiveRole | null;
  hosting: boolean;
  /** I host and my page shows the session's state: my player drives everyone's (see `catchingUp`). */
  driving: boolean;
  /** I host, but from another tab of this browser: this one follows it (see `DrivingTabs`). */
  drivenElsewhere: boolean;
  /** This tab drives from now on, not my other one. */
  driveHere: () => void;
  /** Joined, my page is still taking the session's state: it follows, host or not. */
  catchingUp: boolean;
  caughtUp: () => void;
  /** A follower looking around alone: their picture is not the session's. */
  brokenAway: boolean;
  setBrokenAway: (brokenAway: boolean) => void;
  /** My picture is the session's (I host, or follow without having broken away). */
  sharesPicture: boolean;
  /** I may point and draw for everyone (host or annotator, on the session's picture). */
  mayPoint: boolean;
  /** The laser pointer is on: pressing on the picture points rather than draws. */
  pointing: boolean;
  setPointing: (pointing: boolean) => void;
  /** Whose drawings show on the session's picture: the host's and the annotators'. */
  drawers: ReadonlySet<string>;
}

export function useLiveSeat(assetId: string): LiveSeatView {
  const me = useCurrentUser();
  const view = useLiveSessionView(assetId);
  const { session, clockOffsetMs, catchingUp } = view;
  const joined = holdsSeat(view.joined, session, me.id);
  // Made host after breaking away (or back so after a reload), I drive: nobody hosts alone.
  const brokenAway = view.brokenAway && !(joined && session?.host.userId === me.id);
  const actions = useLiveSessionActions();
  // Joined here but no longer listed: I left in another tab (or was let go of). Out here too.
  const seatLost = view.joined && session !== null && !joined;
  useEffect(() => {
    if (seatLost) actions.lostLiveSeat(assetId);
  }, [seatLost, actions, assetId]);
  const [pointingChosen, setPointing] = useState(false);
  const hosting = joined && session?.host.userId === me.id;
  const sessionId = session?.sessionId ?? null;
  const { elsewhere, visible } = useTabsDriving(sessionId);
  // Taking the seat as host (Start, Join, a reload, made host) drives from this tab, if it is in
  // sight; leaving it, or the page, frees the others to.
  useEffect(() => {
    if (!hosting || sessionId === null) return;
    if (document.visibilityState === 'visible') drivingTabs().claim(sessionId);
    return () => drivingTabs().release(sessionId);
  }, [hosting, sessionId]);
  // The tab that drove is gone: the one in sight takes over.
  useEffect(() => {
    if (hosting && sessionId !== null && visible && !drivingTabs().hasDriver(sessionId))
      drivingTabs().claim(sessionId);
  }, [hosting, sessionId, visible, elsewhere]);
  const role: LiveRole | null =
    !joined || !session
      ? null
      : hosting
        ? 'host'
        : (session.participants.find((p) => p.userId === me.id)?.role ?? 'viewer');
  const sharesPicture = joined && session !== null && (hosting || !brokenAway);
  const mayPoint = sharesPicture && (role === 'host' || role === 'annotator');
  const drawers = new Set(
    session
      ? [
          session.host.userId,
          ...session.participants.filter((p) => p.role === 'annotator').map((p) => p.userId),
        ]
      : [],
  );
  return {
    session,
    joined,
    clockOffsetMs,
    role,
    hosting,
    driving: hosting && !catchingUp && !elsewhere,
    drivenElsewhere: hosting && elsewhere,
    driveHere: () => {
      if (sessionId !== null) drivingTabs().claim(sessionId);
    },
    catchingUp: joined && catchingUp,
    caughtUp: () => actions.caughtUpWithLiveSession(assetId),
    brokenAway,
    setBrokenAway: (away) => actions.breakAwayFromLiveSession(assetId, away),
    sharesPicture,
    mayPoint,
    pointing: mayPoint && pointingChosen,
    setPointing,
    drawers,
  };
}

const onVisibility = (listener: () => void) => {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
};

/** Whether another of this browser's tabs drives the session, and whether this tab is in sight. */
function useTabsDriving(sessionId: string | null): { elsewhere: boolean; visible: boolean } {
  const tabs = drivingTabs();
  const elsewhere = useSyncExternalStore(
    (listener) => tabs.subscribe(listener),
    () => sessionId !== null && tabs.drivenElsewhere(sessionId),
  );
  const visible = useSyncExternalStore(onVisibility, () => document.visibilityState === 'visible');
  return { elsewhere, visible };
}
