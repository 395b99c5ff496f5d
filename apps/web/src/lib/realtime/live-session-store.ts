import type { LiveSessionState } from '@cutroom/contracts';

/** What this page knows of a cut's live session. */
export interface LiveSessionView {
  session: LiveSessionState | null;
  /** Whether I am in it (joined, or started it). */
  joined: boolean;
  /** The server's clock minus mine, in ms: the best reading of the session's states so far. */
  clockOffsetMs: number;
  /**
   * I follow, but look around alone (Break away) until I rejoin: kept here, with the session, so it
   * holds from one page of the cut to another (the review page, its compare view).
   */
  brokenAway: boolean;
  /**
   * Joined (or rejoined, after a reload or in a second tab), my page has not yet shown the session's
   * state: until it does it follows, even as host, so a fresh player never drives everyone back to
   * its own first frame.
   */
  catchingUp: boolean;
  /** The session I was in ended without my leaving it (the last member left, its version went): say so. */
  endedWhileIn: boolean;
}

const NONE: LiveSessionView = {
  session: null,
  joined: false,
  clockOffsetMs: 0,
  brokenAway: false,
  catchingUp: false,
  endedWhileIn: false,
};

/**
 * The live session of each watched cut: the newest state by revision (older ones, arriving late
 * from another process, are ignored), whether I joined it, and how far the server's clock is from mine.
 */
export class LiveSessionStore {
  private readonly views = new Map<string, LiveSessionView>();
  private readonly ended = new Set<string>();
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (assetId: string): LiveSessionView => this.views.get(assetId) ?? NONE;

  /** A state heard or answered: kept if it is newer than the one held. */
  received(state: LiveSessionState, localNowMs: number): void {
    if (this.ended.has(state.sessionId)) return;
    const view = this.get(state.assetId);
    const held = view.session;
    if (held && held.sessionId === state.sessionId && held.revision >= state.revision) return;
    const sameSession = held?.sessionId === state.sessionId;
    // Each state arrives some ms after it was sent, so each reading is short by that much: the
    // largest reading of the session is the one that travelled fastest, the nearest the truth.
    const reading = Date.parse(state.serverTime) - localNowMs;
    const clockOffsetMs = sameSession ? Math.max(view.clockOffsetMs, reading) : reading;
    this.set(state.assetId, {
      session: state,
      joined: sameSession && view.joined,
      clockOffsetMs,
      brokenAway: sameSession && view.brokenAway,
      catchingUp: sameSession && view.catchingUp,
      endedWhileIn: false,
    });
  }

  /** What the server says runs now (on joining the cut): a session, or none. */
  current(assetId: string, state: LiveSessionState | null, localNowMs: number): void {
    if (state) return this.received(state, localNowMs);
    const view = this.get(assetId);
    if (view.session) this.set(assetId, { ...NONE, endedWhileIn: view.joined });
  }

  endedSession(assetId: string, sessionId: string): void {
    this.ended.add(sessionId);
    const view = this.get(assetId);
    if (view.session?.sessionId === sessionId) this.set(assetId, { ...NONE, endedWhileIn: view.joined });
  }

  /**
   * The session this tab was in ended while the page was away (a reload): said as if it ended in
   * sight, unless another session already runs.
   */
  endedWhileAway(assetId: string): void {
    const view = this.get(assetId);
    if (!view.session && !view.endedWhileIn) this.set(assetId, { ...view, endedWhileIn: true });
  }

  /**
   * In the session or out of it; `catchingUp` when I joined one that runs (not when I started it);
   * `brokenAway` when I take my seat again as I had it, looking around alone (after a reload).
   */
  setJoined(assetId: string, joined: boolean, catchingUp = false, brokenAway = false): void {
    const view = this.get(assetId);
    const catching = joined && catchingUp && view.session !== null;
    if (view.joined !== joined && (view.session || !joined))
      this.set(assetId, { ...view, joined, brokenAway: joined && brokenAway, catchingUp: catching });
    else if (view.joined && joined && catching && !view.catchingUp)
      this.set(assetId, { ...view, catchingUp: true });
  }

  /** My page shows the session's state now (see `catchingUp`). */
  caughtUp(assetId: string): void {
    const view = this.get(assetId);
    if (view.catchingUp) this.set(assetId, { ...view, catchingUp: false });
  }

  /** Break away (true) from the session I follow, or rejoin it (false). */
  setBrokenAway(assetId: string, brokenAway: boolean): void {
    const view = this.get(assetId);
    if (view.brokenAway !== brokenAway && (view.joined || !brokenAway))
      this.set(assetId, { ...view, brokenAway });
  }

  forget(assetId: string): void {
    if (this.views.delete(assetId)) this.emit();
  }

  private set(assetId: string, view: LiveSessionView): void {
    this.views.set(assetId, view);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
