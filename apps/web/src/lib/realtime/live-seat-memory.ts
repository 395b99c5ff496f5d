/** The part of the browser's per-tab storage (`sessionStorage`) a seat is remembered in. */
export interface SeatStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const keyOf = (assetId: string) => `cutroom.live-seat.${assetId}`;

/**
 * Which live session of a cut this tab is in, kept across a reload of the page (per tab, as
 * `sessionStorage` is): a reload takes the seat again instead of dropping out of the session.
 * Storage that refuses (a private window's quota, or none) only means no rejoin.
 */
export class LiveSeatMemory {
  constructor(private readonly storage: SeatStorage | null) {}

  /** In `sessionId`, following or looking around alone (`brokenAway`): a reload takes the seat as it was. */
  remember(assetId: string, sessionId: string, brokenAway = false): void {
    this.attempt(() => this.storage?.setItem(keyOf(assetId), brokenAway ? `${sessionId} away` : sessionId));
  }

  /** Whether the seat remembered was looking around alone (Break away) when the page went. */
  brokenAwayIn(assetId: string): boolean {
    return this.stored(assetId)?.endsWith(' away') ?? false;
  }

  forget(assetId: string, sessionId?: string): void {
    if (sessionId !== undefined && this.remembered(assetId) !== sessionId) return;
    this.attempt(() => this.storage?.removeItem(keyOf(assetId)));
  }

  /**
   * The cut is open and the session running on it is known (`sessionId`, or null for none): whether
   * to take my seat in it again. A seat in a session that has since ended is forgotten.
   */
  rejoins(assetId: string, sessionId: string | null): boolean {
    return this.onOpen(assetId, sessionId) === 'rejoin';
  }

  /**
   * As `rejoins`, telling apart a tab that was in no session (`none`) from one whose session ended
   * while it was away, as during a reload (`ended`): that tab is told it ended.
   */
  onOpen(assetId: string, sessionId: string | null): 'rejoin' | 'ended' | 'none' {
    const remembered = this.remembered(assetId);
    if (remembered === null) return 'none';
    if (remembered === sessionId) return 'rejoin';
    this.forget(assetId);
    return 'ended';
  }

  private remembered(assetId: string): string | null {
    return this.stored(assetId)?.split(' ')[0] ?? null;
  }

  private stored(assetId: string): string | null {
    try {
      return this.storage?.getItem(keyOf(assetId)) ?? null;
    } catch {
      return null;
    }
  }

  private attempt(write: () => void): void {
    try {
      write();
    } catch {
      // Not kept: a reload will show Join instead.
    }
  }
}

/** This tab's `sessionStorage`, where there is one. */
export function tabStorage(): SeatStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
