/** What one tab tells this browser's other tabs: it drives a session now, or no longer does. */
interface TabMessage {
  kind: 'driving' | 'released';
  sessionId: string;
  tabId: string;
  /** When the tab took the seat (its clock): the latest claim wins, in every tab alike. */
  at: number;
}

/** The part of `BroadcastChannel` used here. */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

interface Driver {
  tabId: string;
  at: number;
}

const later = (a: Driver, b: Driver) => a.at > b.at || (a.at === b.at && a.tabId > b.tabId);

function isTabMessage(data: unknown): data is TabMessage {
  const message = data as Partial<TabMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    (message.kind === 'driving' || message.kind === 'released') &&
    typeof message.sessionId === 'string' &&
    typeof message.tabId === 'string' &&
    typeof message.at === 'number'
  );
}

/**
 * Which of this browser's tabs drives a live session its person hosts: the last one to take the
 * seat (Start, Join, a reload, Drive here). The others follow it like everyone else, so a tab left
 * open on another frame never sends the room there. Tabs of other browsers (a laptop and a phone)
 * cannot be known here: each of those drives.
 */
export class DrivingTabs {
  private readonly drivers = new Map<string, Driver>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly channel: TabChannel | null,
    readonly tabId: string,
    private readonly now: () => number = Date.now,
  ) {
    if (channel) channel.onmessage = (event) => this.receive(event.data);
  }

  /** This tab drives `sessionId` from now on; the others are told. */
  claim(sessionId: string): void {
    const driver = { tabId: this.tabId, at: this.now() };
    const current = this.drivers.get(sessionId);
    // A claim never loses to one this tab has seen (clocks of tabs of one browser agree).
    if (current && later(current, driver)) driver.at = current.at + 1;
    this.drivers.set(sessionId, driver);
    this.channel?.postMessage({ kind: 'driving', sessionId, ...driver });
    this.changed();
  }

  /** This tab leaves `sessionId` (or goes): if it drove, the other tabs are free to. */
  release(sessionId: string): void {
    const current = this.drivers.get(sessionId);
    if (current?.tabId !== this.tabId) return;
    this.drivers.delete(sessionId);
    this.channel?.postMessage({ kind: 'released', sessionId, ...current });
    this.changed();
  }

  /** Releases every session this tab drives (the page is going away). */
  releaseAll(): void {
    for (const [sessionId, driver] of [...this.drivers])
      if (driver.tabId === this.tabId) this.release(sessionId);
  }

  /** Another tab of this browser drives `sessionId`. */
  drivenElsewhere(sessionId: string): boolean {
    const driver = this.drivers.get(sessionId);
    return driver !== undefined && driver.tabId !== this.tabId;
  }

  /** Some tab (this one or another) has said it drives `sessionId`. */
  hasDriver(sessionId: string): boolean {
    return this.drivers.has(sessionId);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(data: unknown): void {
    if (!isTabMessage(data) || data.tabId === this.tabId) return;
    const current = this.drivers.get(data.sessionId);
    if (data.kind === 'driving') {
      if (current && !later(data, current)) return;
      this.drivers.set(data.sessionId, { tabId: data.tabId, at: data.at });
    } else {
      if (current?.tabId !== data.tabId) return;
      this.drivers.delete(data.sessionId);
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

let shared: DrivingTabs | null = null;

/** This tab's place among the browser's tabs (one per page, shared by every cut it opens). */
export function drivingTabs(): DrivingTabs {
  if (shared) return shared;
  const channel =
    typeof BroadcastChannel === 'undefined'
      ? null
      : (new BroadcastChannel('cutroom.driving-tab') as unknown as TabChannel);
  // getRandomValues, not randomUUID: a server reached over plain http on the LAN is no secure context.
  const tabId = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  shared = new DrivingTabs(channel, tabId);
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => shared?.releaseAll());
  return shared;
}
