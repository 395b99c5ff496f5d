/** What a review link lets its guests see of the team, beyond the notes and decisions meant for them. */
export interface GuestView {
  /** Who of the team is watching, drawing or typing; the revision rounds; the team's decision notes. */
  showTeamActivity: boolean;
  /** The link the guest came by: their own link's clients read each other's decision notes. */
  linkId?: string | null;
}

/** Whoever reads a decision, a round or a live signal: the team, or a guest through their link. */
export type Reader = 'team' | { guest: GuestView };

/** The reader behind a session: a member (no guest access), or a guest by their link's view. */
export function readerOf(guest: GuestView | null | undefined): Reader {
  return guest
    ? { guest: { showTeamActivity: guest.showTeamActivity, linkId: guest.linkId ?? null } }
    : 'team';
}

/** The team sees itself; a guest sees the team's presence and rounds only when their link says so. */
export function seesTeamActivity(reader: Reader): boolean {
  return reader === 'team' || reader.guest.showTeamActivity;
}

/**
 * The team's presence, drafts and strokes reach a guest only through a link that shows the team's
 * activity; a guest's reach the team, guests of their own link, and guests who see everyone.
 */
export function seesPresenceOf(
  viewer: { reader: Reader; linkId: string | null },
  sender: { linkId: string | null },
): boolean {
  if (seesTeamActivity(viewer.reader)) return true;
  return sender.linkId !== null && sender.linkId === viewer.linkId;
}

interface DecisionShape {
  note: string | null;
  internalNote?: string | null;
  byGuest: boolean;
  /** The review link a client decided through (null for the team; unknown in events stored before it was kept). */
  viaLinkId?: string | null;
}

/**
 * A decision as its reader may see it. The one rule for every way a decision travels (REST, live
 * events, replays, rounds): its internal note is the team's and never reaches a guest; a team
 * member's public note reaches a guest only through a link that shows the team's activity; a
 * client's note is addressed to the team, and reaches the clients of their own link only — never
 * another client company reviewing the cut through another link, whatever that link shows (an old
 * event that does not say which link counts as another's). The decision itself, and who made it,
 * always show: a client needs to know the cut is approved. Which link it came by is the team's.
 */
export function decisionForReader<D extends DecisionShape>(decision: D, reader: Reader): D {
  if (reader === 'team') return decision;
  const { internalNote: _internal, viaLinkId, ...shared } = decision;
  const notesShown = decision.byGuest
    ? viaLinkId != null && viaLinkId === reader.guest.linkId
    : reader.guest.showTeamActivity;
  return { ...shared, note: notesShown ? decision.note : null } as D;
}

/** An approval (its current decisions) as its reader may see it: see {@link decisionForReader}. */
export function approvalForReader<A extends { decisions: readonly DecisionShape[] }>(
  approval: A,
  reader: Reader,
): A {
  if (reader === 'team') return approval;
  return { ...approval, decisions: approval.decisions.map((d) => decisionForReader(d, reader)) };
}
