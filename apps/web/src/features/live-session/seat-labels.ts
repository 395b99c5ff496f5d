import type { LiveParticipant } from '@cutroom/contracts';
import type { RealtimeStatus } from '../../lib/realtime/realtime-client';
import { personName } from '../presence/person-name';

/** Someone in the session as the bar lists them: their name, and each mark (guest, host, annotator) apart. */
export function participantLabel(person: Pick<LiveParticipant, 'displayName' | 'role' | 'guest'>): {
  name: string;
  marks: string[];
} {
  const { name, guest } = personName(person.displayName);
  const marks = person.guest || guest ? ['guest'] : [];
  if (person.role !== 'viewer') marks.push(person.role);
  return { name, marks };
}

/**
 * What the bar says I am doing in the session. Without a connection nobody is followed or driven:
 * it says so until the socket is back (and my seat taken again), then says Following again.
 */
export function seatStatus(seat: {
  hosting: boolean;
  drivenElsewhere: boolean;
  brokenAway: boolean;
  comparing: boolean;
  connection: RealtimeStatus;
}): string {
  if (seat.connection !== 'live') return 'Offline: reconnecting…';
  const doing = seat.drivenElsewhere
    ? 'Driving from your other tab'
    : seat.hosting
      ? 'You are driving'
      : seat.brokenAway
        ? 'Looking around alone'
        : 'Following';
  return seat.comparing && !seat.brokenAway ? `${doing} · comparing versions` : doing;
}

/** Following the host, the host chooses the version: why my version pickers are locked (null: they are not). */
export function versionLockReason(seat: {
  joined: boolean;
  hosting: boolean;
  drivenElsewhere: boolean;
  brokenAway: boolean;
}): string | null {
  if (seat.drivenElsewhere) return 'You drive from your other tab: press Drive here to drive from this one';
  return seat.joined && !seat.hosting && !seat.brokenAway
    ? 'The host chooses the version while you follow: Break away to choose your own'
    : null;
}

/**
 * Following the host, what everyone sees is the host's to choose: why my Compare is locked (null: it
 * is not). Opening compare alone would only be pulled back to the host's picture.
 */
export function compareLockReason(seat: {
  joined: boolean;
  hosting: boolean;
  drivenElsewhere: boolean;
  brokenAway: boolean;
}): string | null {
  const locked = versionLockReason(seat);
  if (locked === null || seat.drivenElsewhere) return locked;
  return 'The host chooses what everyone sees while you follow: Break away to compare on your own';
}
