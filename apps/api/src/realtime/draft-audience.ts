/** Who sees a note as it is drafted (the drawing under way, "is typing"): guests never see an internal one. */
export interface DraftAudience {
  /** Relay to members only. */
  membersOnly: boolean;
  /** Guests were shown this draft while it was shared: they must drop it before it goes internal. */
  clearGuests: boolean;
  /** Whether guests hold something of this draft once the signal is relayed. */
  guestsHold: boolean;
}

/**
 * A member's signal says whether the note is internal; a guest's never is (a guest writes no
 * internal notes). `shows` is whether the signal puts something on screen (a shape, "typing").
 */
export function draftAudience(input: {
  senderIsGuest: boolean;
  internal: boolean;
  guestsHold: boolean;
  shows: boolean;
}): DraftAudience {
  const membersOnly = input.internal && !input.senderIsGuest;
  return {
    membersOnly,
    clearGuests: membersOnly && input.guestsHold,
    guestsHold: !membersOnly && input.shows,
  };
}
