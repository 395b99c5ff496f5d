import type { Presence } from '@cutroom/contracts';
import { signalRooms, viewerRooms, visiblePresence } from './signal-audience.js';

const ASSET = '00000000-0000-4000-8000-000000000001';
const guestOf = (linkId: string, showTeamActivity = false) => ({
  guest: { linkId, projectId: ASSET, permissions: ['view' as const], expiresAt: null, showTeamActivity },
});
const member = {};
const presence = (socketId: string): Presence => ({
  assetId: ASSET,
  versionId: null,
  frame: 0,
  playing: false,
  socketId,
  user: { id: ASSET, displayName: socketId },
});

describe('whose live signals reach whom in a room', () => {
  it("a member's reach those who see the team; a guest's, those and their own link's guests", () => {
    expect(signalRooms(member, ASSET)).toEqual([`sees-team:${ASSET}`]);
    expect(signalRooms(guestOf('a'), ASSET)).toEqual([`sees-team:${ASSET}`, `link-asset:a:${ASSET}`]);
  });

  it("a default guest hears only their link's guests; a guest whose link shows the team hears it too", () => {
    expect(viewerRooms(member, ASSET)).toEqual([`sees-team:${ASSET}`]);
    expect(viewerRooms(guestOf('a'), ASSET)).toEqual([`link-asset:a:${ASSET}`]);
    expect(viewerRooms(guestOf('a', true), ASSET)).toContain(`sees-team:${ASSET}`);
  });

  it('a joining default guest is given only the presence of their own link’s guests', () => {
    const others = [
      { user: member, presence: presence('member') },
      { user: guestOf('a'), presence: presence('same-link') },
      { user: guestOf('b'), presence: presence('other-link') },
      { user: guestOf('a') },
    ];
    const ids = (viewer: object) => visiblePresence(viewer, others).map((p) => p.socketId);
    expect(ids(guestOf('a'))).toEqual(['same-link']);
    expect(ids(guestOf('a', true))).toEqual(['member', 'same-link', 'other-link']);
    expect(ids(member)).toEqual(['member', 'same-link', 'other-link']);
  });
});
