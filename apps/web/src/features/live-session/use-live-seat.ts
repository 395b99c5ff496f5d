import type { LiveRole, LiveSessionState } from '@cutroom/contracts';
import { useEffect, useState } from 'react';
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
    driving: hosting && !catchingUp,
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
