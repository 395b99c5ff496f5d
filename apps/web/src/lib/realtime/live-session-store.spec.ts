import type { LiveSessionState } from '@cutroom/contracts';
import { LiveSessionStore } from './live-session-store';

const ASSET = '00000000-0000-4000-8000-000000000001';
const SESSION = '00000000-0000-4000-8000-000000000002';
const NEXT_SESSION = '00000000-0000-4000-8000-000000000003';

function state(revision: number, frame: number, sessionId = SESSION): LiveSessionState {
  return {
    sessionId,
    assetId: ASSET,
    host: { userId: SESSION, displayName: 'Olive' },
    participants: [],
    transport: {
      versionId: SESSION,
      frame,
      playing: false,
      rate: 1,
      loopIn: null,
      loopOut: null,
      compare: null,
    },
    revision,
    changedAt: '2026-12-05T10:00:00.000Z',
    serverTime: '2026-12-05T10:00:01.000Z',
  };
}
const NOW = Date.parse('2026-12-05T10:00:00.500Z');

describe('what a page knows of a live session', () => {
  it('keeps the newest revision: a late, older state changes nothing', () => {
    const store = new LiveSessionStore();
    store.received(state(3, 30), NOW);
    store.received(state(2, 20), NOW);
    expect(store.get(ASSET).session?.transport.frame).toBe(30);
    store.received(state(4, 40), NOW);
    expect(store.get(ASSET).session?.transport.frame).toBe(40);
  });

  it('measures how far the server clock is from mine, by the state that travelled fastest', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    expect(store.get(ASSET).clockOffsetMs).toBe(500);
    // Sent at the same server time, heard 40 ms later: a slower trip, not a clock that moved.
    store.received(state(2, 0), NOW + 40);
    expect(store.get(ASSET).clockOffsetMs).toBe(500);
    store.received({ ...state(3, 0), serverTime: '2026-12-05T10:00:02.000Z' }, NOW + 980);
    expect(store.get(ASSET).clockOffsetMs).toBe(520);
  });

  it('stays joined through updates of the same session, not into a new one', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.setJoined(ASSET, true);
    store.received(state(2, 5), NOW);
    expect(store.get(ASSET).joined).toBe(true);
    store.received(state(1, 0, NEXT_SESSION), NOW);
    expect(store.get(ASSET).joined).toBe(false);
  });

  it('an ended session is gone, and a straggling state of it does not bring it back', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.endedSession(ASSET, SESSION);
    expect(store.get(ASSET).session).toBeNull();
    store.received(state(2, 9), NOW);
    expect(store.get(ASSET).session).toBeNull();
  });

  it('a join that finds no session clears the one held', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.current(ASSET, null, NOW);
    expect(store.get(ASSET)).toEqual({
      session: null,
      joined: false,
      clockOffsetMs: 0,
      brokenAway: false,
      catchingUp: false,
      endedWhileIn: false,
    });
  });

  it('a follower who broke away stays away through the session’s changes, until they rejoin or leave', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.setBrokenAway(ASSET, true);
    expect(store.get(ASSET).brokenAway).toBe(false);
    store.setJoined(ASSET, true);
    store.setBrokenAway(ASSET, true);
    store.received(state(2, 5), NOW);
    expect(store.get(ASSET).brokenAway).toBe(true);
    store.setBrokenAway(ASSET, false);
    expect(store.get(ASSET).brokenAway).toBe(false);
    store.setBrokenAway(ASSET, true);
    store.setJoined(ASSET, false);
    expect(store.get(ASSET).brokenAway).toBe(false);
  });

  it('joining a running session, my page catches up with it before it may drive; starting one, it drives at once', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.setJoined(ASSET, true, true);
    expect(store.get(ASSET).catchingUp).toBe(true);
    store.received(state(2, 5), NOW);
    expect(store.get(ASSET).catchingUp).toBe(true);
    store.caughtUp(ASSET);
    expect(store.get(ASSET).catchingUp).toBe(false);
    // Joining again (a reconnect) while in: the session may have moved on meanwhile.
    store.setJoined(ASSET, true, true);
    expect(store.get(ASSET).catchingUp).toBe(true);
    store.setJoined(ASSET, false);
    expect(store.get(ASSET).catchingUp).toBe(false);
    store.setJoined(ASSET, true);
    expect(store.get(ASSET).catchingUp).toBe(false);
  });

  it('tells someone still in the session that it ended, and not someone who left it or never joined', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.setJoined(ASSET, true);
    store.endedSession(ASSET, SESSION);
    expect(store.get(ASSET)).toMatchObject({ session: null, joined: false, endedWhileIn: true });
    // A new session on the cut clears it.
    store.received(state(1, 0, NEXT_SESSION), NOW);
    expect(store.get(ASSET).endedWhileIn).toBe(false);

    store.setJoined(ASSET, true);
    store.setJoined(ASSET, false);
    store.endedSession(ASSET, NEXT_SESSION);
    expect(store.get(ASSET).endedWhileIn).toBe(false);
  });

  it('tells someone back after a reconnect that the session they were in ended meanwhile', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.setJoined(ASSET, true);
    store.current(ASSET, null, NOW);
    expect(store.get(ASSET).endedWhileIn).toBe(true);
  });

  it('tells a tab that reloaded while its session ended that it ended, unless another session runs', () => {
    const store = new LiveSessionStore();
    store.current(ASSET, null, NOW);
    store.endedWhileAway(ASSET);
    expect(store.get(ASSET)).toMatchObject({ session: null, joined: false, endedWhileIn: true });

    const elsewhere = new LiveSessionStore();
    elsewhere.current(ASSET, state(1, 0, NEXT_SESSION), NOW);
    elsewhere.endedWhileAway(ASSET);
    expect(elsewhere.get(ASSET).endedWhileIn).toBe(false);
  });

  it('takes my seat again looking around alone, as it was before a reload; joining by Join, following', () => {
    const store = new LiveSessionStore();
    store.received(state(1, 0), NOW);
    store.setJoined(ASSET, true, true, true);
    expect(store.get(ASSET)).toMatchObject({ joined: true, brokenAway: true });
    store.setJoined(ASSET, false);
    store.setJoined(ASSET, true, true);
    expect(store.get(ASSET)).toMatchObject({ joined: true, brokenAway: false });
  });
});
