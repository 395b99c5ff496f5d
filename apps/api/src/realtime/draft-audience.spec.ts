import { draftAudience } from './draft-audience.js';

describe('draftAudience', () => {
  const member = { senderIsGuest: false, guestsHold: false, shows: true };

  it('relays a shared draft to everyone, and remembers guests hold it until it is emptied', () => {
    expect(draftAudience({ ...member, internal: false })).toEqual({
      membersOnly: false,
      clearGuests: false,
      guestsHold: true,
    });
    expect(draftAudience({ ...member, internal: false, guestsHold: true, shows: false })).toEqual({
      membersOnly: false,
      clearGuests: false,
      guestsHold: false,
    });
  });

  it('keeps an internal draft from guests, and clears what they were shown before it went internal', () => {
    expect(draftAudience({ ...member, internal: true })).toEqual({
      membersOnly: true,
      clearGuests: false,
      guestsHold: false,
    });
    expect(draftAudience({ ...member, internal: true, guestsHold: true })).toEqual({
      membersOnly: true,
      clearGuests: true,
      guestsHold: false,
    });
  });

  it('ignores a guest’s internal flag: guests write no internal notes', () => {
    expect(draftAudience({ ...member, senderIsGuest: true, internal: true })).toEqual({
      membersOnly: false,
      clearGuests: false,
      guestsHold: true,
    });
  });
});
