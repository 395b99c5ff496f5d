import { type AccessRole, can, isGuest } from './role-matrix';

/** What someone does in a live session: the host drives; annotators draw and point on everyone's picture. */
export type LiveSessionRole = 'host' | 'annotator' | 'viewer';

/** Someone in a live session, in the order they joined. */
export interface LiveSeat {
  userId: string;
  guest: boolean;
  /** Their live drawings and laser pointer show on everyone's picture (the host's always do). */
  annotator: boolean;
}

/** Someone taking a seat: everyone joins as a viewer. */
export type NewSeat = Omit<LiveSeat, 'annotator'>;

/** Who is in a live session and who drives it. */
export interface LiveSeats {
  hostUserId: string;
  /** In joining order; the host is one of them. */
  participants: readonly LiveSeat[];
}

/** Why a live-session change is refused. */
export type LiveRefusal =
  | 'guest_cannot_start'
  | 'cannot_view'
  | 'not_host'
  | 'not_in_session'
  | 'guest_cannot_host'
  | 'host_role_fixed'
  | 'cannot_annotate'
  | 'not_annotator';

export type LiveOutcome = { ok: true; seats: LiveSeats } | { ok: false; refusal: LiveRefusal };

/** Only a member who can see the cut starts a session: a review-link guest never hosts. */
export function mayStartLiveSession(role: AccessRole): LiveRefusal | null {
  if (isGuest(role)) return 'guest_cannot_start';
  return can(role, 'project.view') ? null : 'cannot_view';
}

/** Anyone who can see the cut may follow its session, guests of a link that shows it included. */
export function mayJoinLiveSession(role: AccessRole): LiveRefusal | null {
  return can(role, 'project.view') ? null : 'cannot_view';
}

/** Only the host moves the shared playhead. */
export function mayDrive(seats: LiveSeats, userId: string): LiveRefusal | null {
  return seats.hostUserId === userId ? null : 'not_host';
}

/** Someone's role in the session; null when they are not in it. */
export function liveSessionRoleOf(seats: LiveSeats, userId: string): LiveSessionRole | null {
  if (seats.hostUserId === userId) return 'host';
  const seat = seats.participants.find((p) => p.userId === userId);
  if (!seat) return null;
  return seat.annotator ? 'annotator' : 'viewer';
}

/**
 * Who may annotate: whoever may write a note on the cut, since an annotator's drawing is a note
 * being drafted. A guest, only if their link lets them comment; nobody who cannot see the cut (null).
 */
export function mayAnnotate(role: AccessRole | null): boolean {
  return role !== null && can(role, 'comments.write');
}

/**
 * The host makes someone in the session an annotator, or a viewer again. The host's own role is
 * not changed this way (pass it with Make host), and only someone who may annotate becomes one.
 */
export function setAnnotator(
  seats: LiveSeats,
  byUserId: string,
  toUserId: string,
  annotator: boolean,
  /** The target's access to the cut; null when they can no longer see it. */
  target: AccessRole | null,
): LiveOutcome {
  if (seats.hostUserId !== byUserId) return { ok: false, refusal: 'not_host' };
  if (seats.hostUserId === toUserId) return { ok: false, refusal: 'host_role_fixed' };
  if (!seats.participants.some((p) => p.userId === toUserId)) return { ok: false, refusal: 'not_in_session' };
  if (annotator && !mayAnnotate(target)) return { ok: false, refusal: 'cannot_annotate' };
  const participants = seats.participants.map((p) => (p.userId === toUserId ? { ...p, annotator } : p));
  return { ok: true, seats: { ...seats, participants } };
}

/**
 * What a change of seats did to someone's pen, for the session's log: handed it to them
 * (`annotator`), took it back (`viewer`), or nothing (null) — as when they already held it.
 */
export function penHandOver(
  before: LiveSeats,
  after: LiveSeats,
  userId: string,
): 'annotator' | 'viewer' | null {
  const was = liveSessionRoleOf(before, userId);
  const is = liveSessionRoleOf(after, userId);
  if (was === is || was === 'host' || is === 'host' || was === null || is === null) return null;
  return is;
}

/**
 * The laser pointer: the host's, and an annotator's who may still write on the cut (a role or a
 * link that changed since takes it away). A viewer's, or someone's outside the session, is refused.
 */
export function mayPointLive(seats: LiveSeats, userId: string, role: AccessRole): LiveRefusal | null {
  const sessionRole = liveSessionRoleOf(seats, userId);
  if (sessionRole === 'host') return null;
  if (sessionRole === 'annotator' && mayAnnotate(role)) return null;
  return sessionRole === null ? 'not_in_session' : 'not_annotator';
}

/**
 * Someone's rights on the cut changed (their project role lowered, their review link's comment right
 * taken away): an annotator who may no longer write loses the pen, as if the host had taken it back.
 * The seats as they are then, or null when nothing changes.
 */
export function penLost(seats: LiveSeats, userId: string, role: AccessRole | null): LiveSeats | null {
  if (liveSessionRoleOf(seats, userId) !== 'annotator' || mayAnnotate(role)) return null;
  return {
    ...seats,
    participants: seats.participants.map((p) => (p.userId === userId ? { ...p, annotator: false } : p)),
  };
}

/**
 * Whether someone's drawing under way goes to others while the cut has a live session. In the
 * session, only the host's and annotators' show on everyone's picture: a viewer drafts a note
 * alone until it is posted. Outside it (not following), the room's usual rules apply.
 */
export function drawsLiveInSession(seats: LiveSeats | null, userId: string): boolean {
  if (!seats) return true;
  return liveSessionRoleOf(seats, userId) !== 'viewer';
}

/** A session's first seats: its starter, hosting. */
export function startSeats(host: NewSeat): LiveSeats {
  return { hostUserId: host.userId, participants: [{ ...host, annotator: false }] };
}

/** Someone joins (again): a seat already held keeps its place in the order, and its role. */
export function joinSeats(seats: LiveSeats, seat: NewSeat): LiveSeats {
  if (seats.participants.some((p) => p.userId === seat.userId)) return seats;
  return { ...seats, participants: [...seats.participants, { ...seat, annotator: false }] };
}

/**
 * "Make host": only the host passes the role, and only to a member in the session. The new host
 * drives (and draws) as host; the one before follows as a viewer until made an annotator.
 */
export function passHost(seats: LiveSeats, byUserId: string, toUserId: string): LiveOutcome {
  if (seats.hostUserId !== byUserId) return { ok: false, refusal: 'not_host' };
  const target = seats.participants.find((p) => p.userId === toUserId);
  if (!target) return { ok: false, refusal: 'not_in_session' };
  if (target.guest) return { ok: false, refusal: 'guest_cannot_host' };
  return {
    ok: true,
    seats: { hostUserId: toUserId, participants: asHostedBy(seats.participants, toUserId) },
  };
}

/**
 * Someone leaves. When the host goes, the role passes to the member who joined first after them;
 * with no member left (guests alone never host), the session ends (`null`).
 */
export function leaveSeats(seats: LiveSeats, userId: string): LiveSeats | null {
  const participants = seats.participants.filter((p) => p.userId !== userId);
  if (seats.hostUserId !== userId) return { ...seats, participants };
  const next = participants.find((p) => !p.guest);
  return next ? { hostUserId: next.userId, participants: asHostedBy(participants, next.userId) } : null;
}

/** The new host's seat drops its annotator mark (a host draws as host); everyone else keeps theirs. */
function asHostedBy(participants: readonly LiveSeat[], hostUserId: string): LiveSeat[] {
  return participants.map((p) => (p.userId === hostUserId ? { ...p, annotator: false } : p));
}
