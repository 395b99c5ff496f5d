/**
 * Admits at most `perSecond` messages of one kind from one socket, spread evenly: ephemeral
 * signals (playheads, strokes, typing) beyond that are dropped, never queued.
 */
export class EphemeralThrottle {
  private readonly lastSent = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  admit(key: string, now = Date.now()): boolean {
    const last = this.lastSent.get(key);
    if (last !== undefined && now - last < 1000 / this.perSecond) return false;
    this.lastSent.set(key, now);
    return true;
  }

  forget(prefix: string): void {
    for (const key of this.lastSent.keys()) if (key.startsWith(prefix)) this.lastSent.delete(key);
  }
}
