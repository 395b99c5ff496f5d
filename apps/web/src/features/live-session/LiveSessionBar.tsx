import './live-session.css';
import type { LiveAck, LiveCompare, LiveParticipant, Version } from '@cutroom/contracts';
import { Fragment, useEffect, useRef, useState, type RefObject } from 'react';
import {
  useLiveSessionActions,
  useLiveSessionView,
  useRealtimeStatus,
} from '../../lib/realtime/realtime-context';
import { useCurrentUser } from '../auth/session-queries';
import type { PlayerHandle } from '../player/Player';
import { type HostPlayhead, transportOf } from './host-transport';
import { hostOutOfSight } from './out-of-sight';
import { participantLabel, seatStatus } from './seat-labels';
import { sessionLink } from './session-link';
import { type FollowElsewhere, useLiveCatchUp, useLiveFollow, useLiveHost } from './use-live-playback';
import type { LiveSeatView } from './use-live-seat';

interface LiveSessionBarProps {
  assetId: string;
  version: Version;
  versions: readonly Version[];
  /** My player: the review page's, or compare's A. */
  playerRef: RefObject<PlayerHandle | null>;
  playhead: HostPlayhead | null;
  /** The compare view my page shows (B and how the pair is shown); null on the review page. */
  compare?: LiveCompare | null;
  /** A review-link guest: may join and follow, never start or host. */
  guest: boolean;
  /** Go where the host is: another version, into the compare view, out of it, another pair. */
  onFollowElsewhere: FollowElsewhere;
  /** Opened by a session link (`?live=1`): join the session as soon as it is known. */
  joinOnOpen: boolean;
  /** My place in the session (see useLiveSeat). */
  seat: LiveSeatView;
  /** Whether someone could be handed the pen: a member who may comment (guests are judged by the server). */
  mayAnnotate: (person: LiveParticipant) => boolean;
}

/**
 * The cut's live session: Start, or "Live session by <name>" with Join; once in, who is here and
 * their roles, Make host and Make annotator / Make viewer (for the host), Break away / Rejoin (for
 * followers), the laser pointer (for the host and annotators) and Leave. The player follows the
 * host while I am in and not broken away; as host, my player drives everyone's.
 */
export function LiveSessionBar({
  assetId,
  version,
  versions,
  playerRef,
  playhead,
  compare = null,
  guest,
  onFollowElsewhere,
  joinOnOpen,
  seat,
  mayAnnotate,
}: LiveSessionBarProps) {
  const me = useCurrentUser();
  const { session, joined, clockOffsetMs, hosting, driving, brokenAway, setBrokenAway } = seat;
  const actions = useLiveSessionActions();
  const connection = useRealtimeStatus();
  const { endedWhileIn } = useLiveSessionView(assetId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A host who has just (re)joined follows too, until the page shows the session's state.
  const following = joined && !driving && !brokenAway && session !== null;
  const outOfSight = following ? hostOutOfSight(session.transport, versions) : null;

  useLiveCatchUp(
    seat.catchingUp && !brokenAway,
    session,
    clockOffsetMs,
    versions,
    version,
    playhead,
    compare,
    seat.caughtUp,
  );
  useLiveHost(
    driving,
    assetId,
    version,
    playhead,
    playerRef,
    (id, transport, sampleAgeMs) => actions.driveLiveSession(id, transport, sampleAgeMs),
    compare,
  );
  const needsClick = useLiveFollow(
    following,
    session,
    clockOffsetMs,
    version,
    versions,
    playerRef,
    onFollowElsewhere,
    compare,
  );

  const barRef = useRef<HTMLElement>(null);
  const run = (request: () => Promise<LiveAck>) => {
    setBusy(true);
    setRefusal(null);
    void request().then((ack) => {
      setBusy(false);
      if (!ack.ok) {
        setRefusal(ack.error.message);
        return;
      }
      // The pressed button is gone after Start, Join or a role change: keep focus in the bar, not on <body>.
      requestAnimationFrame(() => {
        if (document.activeElement === null || document.activeElement === document.body)
          barRef.current?.focus();
      });
    });
  };
  // A session link joins once, by itself; leaving afterwards is not undone by it.
  const joinedByLink = useRef(false);
  const sessionKnown = session !== null;
  useEffect(() => {
    if (!joinOnOpen || !sessionKnown || joined || joinedByLink.current) return;
    joinedByLink.current = true;
    void actions.joinLiveSession(assetId).then((ack) => {
      if (!ack.ok) setRefusal(ack.error.message);
    });
  }, [joinOnOpen, sessionKnown, joined, actions, assetId]);
  const [copied, setCopied] = useState(false);
  const copyLink = () => {
    void navigator.clipboard.writeText(sessionLink(window.location.href)).then(
      () => {
        setCopied(true);
        setRefusal(null);
      },
      () => setRefusal('The link could not be copied: copy the address and add live=1 to it.'),
    );
  };

  const start = () => {
    const transport = playhead && transportOf(version.id, playhead, compare);
    if (transport) run(() => actions.startLiveSession(assetId, transport));
  };

  if (!session && guest && !endedWhileIn) return null;
  return (
    <section className="live-session" aria-label="Live session" ref={barRef} tabIndex={-1}>
      {!session ? (
        <>
          {endedWhileIn && (
            <p className="live-session-status live-session-ended" role="status">
              The live session has ended
            </p>
          )}
          {!guest && (
            <button
              type="button"
              className="button button-small"
              disabled={busy || !playhead}
              onClick={start}
            >
              Start live session
            </button>
          )}
        </>
      ) : (
        <>
          <span className="live-session-dot" aria-hidden="true" />
          <p className="live-session-title">
            Live session by {session.host.userId === me.id ? 'you' : session.host.displayName}
          </p>
          {!joined ? (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => run(() => actions.joinLiveSession(assetId))}
            >
              Join
            </button>
          ) : (
            <>
              <p className="live-session-status" role="status">
                {seatStatus({
                  hosting,
                  drivenElsewhere: seat.drivenElsewhere,
                  brokenAway,
                  comparing: compare !== null,
                  connection,
                })}
              </p>
              {seat.drivenElsewhere && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    setRefusal(null);
                    seat.driveHere();
                  }}
                >
                  Drive here
                </button>
              )}
              {outOfSight && (
                <p className="live-session-status live-session-out-of-sight" role="alert">
                  {outOfSight}
                </p>
              )}
              {seat.role === 'annotator' && !brokenAway && (
                <p className="live-session-status">You can draw and point for everyone</p>
              )}
              {seat.mayPoint && (
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-pressed={seat.pointing}
                  onClick={() => seat.setPointing(!seat.pointing)}
                >
                  Laser pointer
                </button>
              )}
              {!hosting &&
                (brokenAway ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => {
                      setRefusal(null);
                      setBrokenAway(false);
                    }}
                  >
                    Rejoin
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => {
                      setRefusal(null);
                      setBrokenAway(true);
                    }}
                  >
                    Break away
                  </button>
                ))}
              <button type="button" className="button button-small button-ghost" onClick={copyLink}>
                {copied ? 'Link copied' : 'Copy session link'}
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                disabled={busy}
                onClick={() => run(() => actions.leaveLiveSession(assetId))}
              >
                Leave
              </button>
            </>
          )}
          {joined && session.participants.length > 0 && (
            <ul className="live-session-people" aria-label="In the live session">
              {session.participants.map((person) => (
                <li key={person.userId} data-testid="live-participant">
                  <span className="live-session-name">{participantLabel(person).name}</span>
                  {participantLabel(person).marks.map((mark) => (
                    <Fragment key={mark}>
                      {' '}
                      <span className="live-session-role" data-mark={mark}>
                        {mark}
                      </span>
                    </Fragment>
                  ))}
                  {hosting && person.role === 'viewer' && mayAnnotate(person) && (
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      disabled={busy}
                      aria-label={`Make ${participantLabel(person).name} an annotator`}
                      onClick={() => run(() => actions.setLiveRole(assetId, person.userId, 'annotator'))}
                    >
                      Make annotator
                    </button>
                  )}
                  {hosting && person.role === 'annotator' && (
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      disabled={busy}
                      aria-label={`Make ${participantLabel(person).name} a viewer`}
                      onClick={() => run(() => actions.setLiveRole(assetId, person.userId, 'viewer'))}
                    >
                      Make viewer
                    </button>
                  )}
                  {hosting && person.userId !== me.id && !person.guest && (
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      disabled={busy}
                      aria-label={`Make ${participantLabel(person).name} host`}
                      onClick={() => run(() => actions.makeLiveHost(assetId, person.userId))}
                    >
                      Make host
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {needsClick && (
        <button type="button" className="button button-small" onClick={() => playerRef.current?.play()}>
          The host is playing: play along
        </button>
      )}
      {refusal && (
        <p className="form-alert" role="alert">
          {refusal}
        </p>
      )}
    </section>
  );
}
