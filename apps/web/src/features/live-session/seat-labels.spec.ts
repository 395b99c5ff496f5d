import { compareLockReason, participantLabel, seatStatus, versionLockReason } from './seat-labels';

describe('how the live session bar names people', () => {
  it('gives a guest’s name once, with “guest” and their role as marks of their own', () => {
    expect(participantLabel({ displayName: 'Gil Guest (guest)', role: 'annotator', guest: true })).toEqual({
      name: 'Gil Guest',
      marks: ['guest', 'annotator'],
    });
    expect(participantLabel({ displayName: 'Gil Guest (guest)', role: 'viewer', guest: true })).toEqual({
      name: 'Gil Guest',
      marks: ['guest'],
    });
  });

  it('marks a member by their role only, and a viewer not at all', () => {
    expect(participantLabel({ displayName: 'Hana Host', role: 'host', guest: false })).toEqual({
      name: 'Hana Host',
      marks: ['host'],
    });
    expect(participantLabel({ displayName: 'Rafa Reviewer', role: 'viewer', guest: false }).marks).toEqual(
      [],
    );
  });
});

describe('what the bar says I am doing', () => {
  const following = {
    hosting: false,
    drivenElsewhere: false,
    brokenAway: false,
    comparing: false,
    connection: 'live' as const,
  };

  it('follows, drives or looks around alone, comparing or not', () => {
    expect(seatStatus(following)).toBe('Following');
    expect(seatStatus({ ...following, comparing: true })).toBe('Following · comparing versions');
    expect(seatStatus({ ...following, hosting: true })).toBe('You are driving');
    expect(seatStatus({ ...following, brokenAway: true, comparing: true })).toBe('Looking around alone');
  });

  it('says so when I host from another tab of this browser, which drives', () => {
    expect(seatStatus({ ...following, hosting: true, drivenElsewhere: true })).toBe(
      'Driving from your other tab',
    );
  });

  it('says it is reconnecting while the connection is lost, never Following', () => {
    expect(seatStatus({ ...following, connection: 'offline' })).toBe('Offline: reconnecting…');
    expect(seatStatus({ ...following, hosting: true, connection: 'connecting' })).toBe(
      'Offline: reconnecting…',
    );
  });
});

describe('a follower’s version pickers', () => {
  it('are locked while following, with why; free when hosting, broken away or out of the session', () => {
    expect(
      versionLockReason({ joined: true, hosting: false, drivenElsewhere: false, brokenAway: false }),
    ).toMatch(/host chooses/);
    expect(
      versionLockReason({ joined: true, hosting: true, drivenElsewhere: false, brokenAway: false }),
    ).toBeNull();
    expect(
      versionLockReason({ joined: true, hosting: false, drivenElsewhere: false, brokenAway: true }),
    ).toBeNull();
    expect(
      versionLockReason({ joined: false, hosting: false, drivenElsewhere: false, brokenAway: false }),
    ).toBeNull();
  });

  it('are locked in a tab of mine while I drive from another, with the way to drive here', () => {
    const elsewhere = { joined: true, hosting: true, drivenElsewhere: true, brokenAway: false };
    expect(versionLockReason(elsewhere)).toMatch(/other tab.*Drive here/);
    expect(compareLockReason(elsewhere)).toMatch(/other tab.*Drive here/);
  });
});

describe('a follower’s Compare', () => {
  it('is locked while following, with why; free when hosting, broken away or out of the session', () => {
    expect(
      compareLockReason({ joined: true, hosting: false, drivenElsewhere: false, brokenAway: false }),
    ).toMatch(/host chooses what everyone sees.*Break away/);
    expect(
      compareLockReason({ joined: true, hosting: true, drivenElsewhere: false, brokenAway: false }),
    ).toBeNull();
    expect(
      compareLockReason({ joined: true, hosting: false, drivenElsewhere: false, brokenAway: true }),
    ).toBeNull();
    expect(
      compareLockReason({ joined: false, hosting: false, drivenElsewhere: false, brokenAway: false }),
    ).toBeNull();
  });
});
