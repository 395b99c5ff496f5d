import {
  type Reader,
  approvalForReader,
  decisionForReader,
  readerOf,
  seesPresenceOf,
  seesTeamActivity,
} from './guest-view';

const team: Reader = 'team';
const client: Reader = { guest: { showTeamActivity: false, linkId: 'link-a' } };
const trustedClient: Reader = { guest: { showTeamActivity: true, linkId: 'link-a' } };
/** A client of another company, through another link. */
const otherClient: Reader = { guest: { showTeamActivity: false, linkId: 'link-b' } };
const trustedOtherClient: Reader = { guest: { showTeamActivity: true, linkId: 'link-b' } };

const teamDecision = {
  id: 'd1',
  note: 'Looks good to us',
  internalNote: 'Legal still unsure',
  byGuest: false,
};
const clientDecision = {
  id: 'd2',
  note: 'Approved, thanks',
  internalNote: null,
  byGuest: true,
  viaLinkId: 'link-a',
};

describe('what a guest sees of a decision', () => {
  it('the team reads both notes of its own decisions', () => {
    expect(decisionForReader(teamDecision, team)).toEqual(teamDecision);
  });

  it('an internal note never reaches a guest, whatever their link shows', () => {
    for (const reader of [client, trustedClient]) {
      expect(decisionForReader(teamDecision, reader)).not.toHaveProperty('internalNote');
      expect(JSON.stringify(decisionForReader(teamDecision, reader))).not.toContain('Legal');
    }
  });

  it("a team member's note is hidden from a client by default and shown when the link shows the team's activity", () => {
    expect(decisionForReader(teamDecision, client)).toEqual({
      id: 'd1',
      note: null,
      byGuest: false,
    });
    expect(decisionForReader(teamDecision, trustedClient).note).toBe('Looks good to us');
  });

  it("a client's note shows to the clients of their own link, and the team reads it with its link", () => {
    expect(decisionForReader(clientDecision, client).note).toBe('Approved, thanks');
    expect(decisionForReader(clientDecision, trustedClient).note).toBe('Approved, thanks');
    expect(decisionForReader(clientDecision, team)).toEqual(clientDecision);
  });

  it("another client company, on another link, sees the client's decision but never its note, whatever its link shows", () => {
    for (const reader of [otherClient, trustedOtherClient]) {
      const seen = decisionForReader(clientDecision, reader);
      expect(seen).toEqual({ id: 'd2', note: null, byGuest: true });
      expect(seen).not.toHaveProperty('viaLinkId');
    }
  });

  it("a client's note from an event that does not say its link is kept from every guest", () => {
    const { viaLinkId: _unknown, ...old } = clientDecision;
    expect(decisionForReader(old, client).note).toBeNull();
    expect(decisionForReader(old, team).note).toBe('Approved, thanks');
  });

  it('an approval keeps its state and deciders, with each decision as the reader may see it', () => {
    const approval = { state: 'approved', decisions: [teamDecision, clientDecision] };
    expect(approvalForReader(approval, client)).toEqual({
      state: 'approved',
      decisions: [
        { id: 'd1', note: null, byGuest: false },
        { id: 'd2', note: 'Approved, thanks', byGuest: true },
      ],
    });
    expect(approvalForReader(approval, otherClient).decisions[1].note).toBeNull();
    expect(approvalForReader(approval, team)).toBe(approval);
  });
});

describe("who sees the team's activity and whose presence", () => {
  it('members always; a guest only through a link that shows it', () => {
    expect(readerOf(undefined)).toBe('team');
    expect(readerOf({ showTeamActivity: false, linkId: 'link-a' })).toEqual(client);
    expect(seesTeamActivity(readerOf(null))).toBe(true);
    expect(seesTeamActivity(readerOf({ showTeamActivity: false }))).toBe(false);
    expect(seesTeamActivity(readerOf({ showTeamActivity: true }))).toBe(true);
  });

  it("a default guest sees only their own link's guests; members and trusted guests see everyone", () => {
    const member = { linkId: null };
    const sameLinkGuest = { linkId: 'link-a' };
    const otherLinkGuest = { linkId: 'link-b' };
    const defaultGuest = { reader: client, linkId: 'link-a' };
    expect(seesPresenceOf(defaultGuest, member)).toBe(false);
    expect(seesPresenceOf(defaultGuest, sameLinkGuest)).toBe(true);
    expect(seesPresenceOf(defaultGuest, otherLinkGuest)).toBe(false);
    for (const viewer of [
      { reader: team, linkId: null },
      { reader: trustedClient, linkId: 'link-b' },
    ])
      expect([member, sameLinkGuest, otherLinkGuest].every((s) => seesPresenceOf(viewer, s))).toBe(true);
  });
});
