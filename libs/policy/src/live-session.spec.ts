import {
  drawsLiveInSession,
  joinSeats,
  leaveSeats,
  liveSessionRoleOf,
  mayAnnotate,
  mayDrive,
  mayJoinLiveSession,
  mayPointLive,
  mayStartLiveSession,
  passHost,
  penHandOver,
  penLost,
  setAnnotator,
  startSeats,
  type LiveSeats,
} from './index';

const olive = { userId: 'olive', guest: false, annotator: false };
const rita = { userId: 'rita', guest: false, annotator: false };
const gwen = { userId: 'gwen', guest: true, annotator: false };
const vic = { userId: 'vic', guest: false, annotator: false };

/** Olive hosts; Gwen (a guest), then Rita, then Vic joined. */
function session(): LiveSeats {
  return [gwen, rita, vic].reduce(joinSeats, startSeats(olive));
}

describe('who may start and join a live session', () => {
  it.each(['owner', 'editor', 'reviewer', 'viewer'] as const)('a project %s may start one', (role) => {
    expect(mayStartLiveSession(role)).toBeNull();
  });

  it('a review-link guest may never start one, whatever the link grants', () => {
    expect(mayStartLiveSession({ guest: ['view', 'comment', 'approve', 'download'] })).toBe(
      'guest_cannot_start',
    );
  });

  it('a guest whose link shows the cut may join, as may every member', () => {
    expect(mayJoinLiveSession({ guest: ['view'] })).toBeNull();
    expect(mayJoinLiveSession('viewer')).toBeNull();
  });

  it('a guest whose link does not let them view may not join', () => {
    expect(mayJoinLiveSession({ guest: [] })).toBe('cannot_view');
  });
});

describe('who drives', () => {
  it('only the host drives', () => {
    expect(mayDrive(session(), 'olive')).toBeNull();
    expect(mayDrive(session(), 'rita')).toBe('not_host');
    expect(mayDrive(session(), 'gwen')).toBe('not_host');
  });
});

describe('joining', () => {
  it('joining again keeps the first place in the order', () => {
    const again = joinSeats(session(), gwen);
    expect(again.participants.map((p) => p.userId)).toEqual(['olive', 'gwen', 'rita', 'vic']);
  });
});

describe('Make host', () => {
  it('the host passes the role to a member in the session', () => {
    const passed = passHost(session(), 'olive', 'rita');
    expect(passed).toEqual({ ok: true, seats: { ...session(), hostUserId: 'rita' } });
  });

  it('nobody but the host passes the role', () => {
    expect(passHost(session(), 'rita', 'vic')).toEqual({ ok: false, refusal: 'not_host' });
  });

  it('a guest can never be made host', () => {
    expect(passHost(session(), 'olive', 'gwen')).toEqual({ ok: false, refusal: 'guest_cannot_host' });
  });

  it('the role goes only to someone in the session', () => {
    expect(passHost(session(), 'olive', 'oscar')).toEqual({ ok: false, refusal: 'not_in_session' });
  });
});

describe('leaving', () => {
  it('a follower leaving keeps the session and its host for the others', () => {
    const left = leaveSeats(session(), 'rita');
    expect(left).toEqual({ hostUserId: 'olive', participants: [olive, gwen, vic] });
  });

  it('the host leaving passes the role to the next member, never to a guest who joined before them', () => {
    expect(leaveSeats(session(), 'olive')).toEqual({ hostUserId: 'rita', participants: [gwen, rita, vic] });
  });

  it('the session ends when the host leaves only guests behind', () => {
    expect(leaveSeats(joinSeats(startSeats(olive), gwen), 'olive')).toBeNull();
  });

  it('the session ends when its last member leaves', () => {
    expect(leaveSeats(startSeats(olive), 'olive')).toBeNull();
  });
});

/** The session above with Rita made an annotator by Olive. */
function withRitaAnnotating(): LiveSeats {
  const made = setAnnotator(session(), 'olive', 'rita', true, 'reviewer');
  if (!made.ok) throw new Error(made.refusal);
  return made.seats;
}

describe('roles in a session: host, annotators and viewers', () => {
  it('everyone joins as a viewer; the starter hosts', () => {
    expect(['olive', 'gwen', 'rita', 'vic'].map((id) => liveSessionRoleOf(session(), id))).toEqual([
      'host',
      'viewer',
      'viewer',
      'viewer',
    ]);
    expect(liveSessionRoleOf(session(), 'oscar')).toBeNull();
  });

  it('the host makes a follower an annotator, and a viewer again', () => {
    const seats = withRitaAnnotating();
    expect(liveSessionRoleOf(seats, 'rita')).toBe('annotator');
    const back = setAnnotator(seats, 'olive', 'rita', false, 'reviewer');
    expect(back.ok && liveSessionRoleOf(back.seats, 'rita')).toBe('viewer');
  });

  it('nobody but the host hands out the pen', () => {
    expect(setAnnotator(withRitaAnnotating(), 'rita', 'vic', true, 'editor')).toEqual({
      ok: false,
      refusal: 'not_host',
    });
  });

  it('the host stays host: their role is passed with Make host, not changed to annotator', () => {
    expect(setAnnotator(session(), 'olive', 'olive', true, 'owner')).toEqual({
      ok: false,
      refusal: 'host_role_fixed',
    });
  });

  it('only someone in the session is made an annotator', () => {
    expect(setAnnotator(session(), 'olive', 'oscar', true, 'editor')).toEqual({
      ok: false,
      refusal: 'not_in_session',
    });
  });

  it('a guest annotates only if their link lets them comment; a project viewer never does', () => {
    expect(setAnnotator(session(), 'olive', 'gwen', true, { guest: ['view'] })).toEqual({
      ok: false,
      refusal: 'cannot_annotate',
    });
    const commenting = setAnnotator(session(), 'olive', 'gwen', true, { guest: ['view', 'comment'] });
    expect(commenting.ok && liveSessionRoleOf(commenting.seats, 'gwen')).toBe('annotator');
    expect(setAnnotator(session(), 'olive', 'vic', true, 'viewer')).toEqual({
      ok: false,
      refusal: 'cannot_annotate',
    });
    // Taking the pen away needs no right at all.
    expect(setAnnotator(session(), 'olive', 'vic', false, 'viewer').ok).toBe(true);
    expect(setAnnotator(session(), 'olive', 'vic', true, null)).toEqual({
      ok: false,
      refusal: 'cannot_annotate',
    });
    expect(mayAnnotate('reviewer')).toBe(true);
    expect(mayAnnotate({ guest: ['view', 'approve', 'download'] })).toBe(false);
  });

  it('annotators keep the pen when the host role passes; the new host draws as host, the old one follows as a viewer', () => {
    const seats = setAnnotator(withRitaAnnotating(), 'olive', 'vic', true, 'editor');
    if (!seats.ok) throw new Error(seats.refusal);
    const passed = passHost(seats.seats, 'olive', 'vic');
    if (!passed.ok) throw new Error(passed.refusal);
    expect(['olive', 'rita', 'vic'].map((id) => liveSessionRoleOf(passed.seats, id))).toEqual([
      'viewer',
      'annotator',
      'host',
    ]);
    const left = leaveSeats(passed.seats, 'vic');
    expect(left && liveSessionRoleOf(left, 'olive')).toBe('host');
    expect(left && liveSessionRoleOf(left, 'rita')).toBe('annotator');
  });
});

describe("the pen's hand-overs, as the session's log tells them", () => {
  const handed = (seats: LiveSeats, to: string, annotator: boolean) => {
    const outcome = setAnnotator(seats, 'olive', to, annotator, 'reviewer');
    if (!outcome.ok) throw new Error(outcome.refusal);
    return outcome.seats;
  };

  it('the host handing someone the pen, and taking it back, are each one hand-over', () => {
    const before = session();
    const given = handed(before, 'rita', true);
    expect(penHandOver(before, given, 'rita')).toBe('annotator');
    expect(penHandOver(given, handed(given, 'rita', false), 'rita')).toBe('viewer');
  });

  it('handing the pen to someone who holds it, or taking it from a viewer, is none', () => {
    const given = handed(session(), 'rita', true);
    expect(penHandOver(given, handed(given, 'rita', true), 'rita')).toBeNull();
    expect(penHandOver(session(), handed(session(), 'vic', false), 'vic')).toBeNull();
  });

  it('becoming host, or leaving, is not a hand-over of the pen (the log tells those otherwise)', () => {
    const given = handed(session(), 'rita', true);
    const passed = passHost(given, 'olive', 'rita');
    if (!passed.ok) throw new Error(passed.refusal);
    expect(penHandOver(given, passed.seats, 'rita')).toBeNull();
    expect(penHandOver(given, passed.seats, 'olive')).toBeNull();
    expect(penHandOver(given, leaveSeats(given, 'rita') as LiveSeats, 'rita')).toBeNull();
  });
});

describe('the laser pointer and live drawings in a session', () => {
  it('the host and annotators point; a viewer or someone outside the session is refused', () => {
    const seats = withRitaAnnotating();
    expect(mayPointLive(seats, 'olive', 'viewer')).toBeNull();
    expect(mayPointLive(seats, 'rita', 'reviewer')).toBeNull();
    expect(mayPointLive(seats, 'vic', 'editor')).toBe('not_annotator');
    expect(mayPointLive(seats, 'oscar', 'owner')).toBe('not_in_session');
  });

  it('an annotator who may no longer write (role lowered, link changed) cannot point either', () => {
    expect(mayPointLive(withRitaAnnotating(), 'rita', 'viewer')).toBe('not_annotator');
  });

  it("in a session only the host's and annotators' drawings under way reach the others", () => {
    const seats = withRitaAnnotating();
    expect(drawsLiveInSession(seats, 'olive')).toBe(true);
    expect(drawsLiveInSession(seats, 'rita')).toBe(true);
    expect(drawsLiveInSession(seats, 'vic')).toBe(false);
    expect(drawsLiveInSession(seats, 'gwen')).toBe(false);
  });

  it('without a session, or for someone not in it, the room relays drawings as ever', () => {
    expect(drawsLiveInSession(null, 'vic')).toBe(true);
    expect(drawsLiveInSession(session(), 'oscar')).toBe(true);
  });
});

describe('an annotator whose rights on the cut change', () => {
  it('loses the pen once they may no longer write: a guest whose link lost comments, a member made viewer', () => {
    const seats = withRitaAnnotating();
    const lost = penLost(seats, 'rita', 'viewer');
    expect(lost && liveSessionRoleOf(lost, 'rita')).toBe('viewer');
    expect(lost && lost.participants.map((p) => p.userId)).toEqual(seats.participants.map((p) => p.userId));
    expect(penLost(seats, 'rita', null)).not.toBeNull();
    expect(penLost(seats, 'rita', { guest: ['view'] })).not.toBeNull();
  });

  it('keeps it while they may still write, and nothing changes for the host or a viewer', () => {
    const seats = withRitaAnnotating();
    expect(penLost(seats, 'rita', 'reviewer')).toBeNull();
    expect(penLost(seats, 'rita', { guest: ['view', 'comment'] })).toBeNull();
    expect(penLost(seats, 'olive', 'viewer')).toBeNull();
    expect(penLost(seats, 'vic', 'viewer')).toBeNull();
  });
});
