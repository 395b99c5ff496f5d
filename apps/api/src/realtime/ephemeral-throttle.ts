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

/**
 * For signals that each carry a whole state (a later one replaces the earlier): at most `perSecond`
 * go out per key, spread evenly. One that comes too soon waits for its turn, replacing any still
 * waiting, so the last state always goes out and nothing queues up.
 */
export class LatestStateThrottle {
  private readonly lastSent = new Map<string, number>();
  private readonly waiting = new Map<string, { send: () => void; timer: NodeJS.Timeout }>();

  constructor(private readonly perSecond: number) {}

  offer(key: string, send: () => void): void {
    const waiting = this.waiting.get(key);
    if (waiting) {
      waiting.send = send;
      return;
    }
    const wait = (this.lastSent.get(key) ?? -Infinity) + 1000 / this.perSecond - Date.now();
    if (wait <= 0) {
      this.sendNow(key, send);
      return;
    }
    const entry = {
      send,
      timer: setTimeout(() => {
        this.waiting.delete(key);
        this.sendNow(key, entry.send);
      }, wait),
    };
    this.waiting.set(key, entry);
  }

  /** Drops what waits, and the rate's memory, for every key starting with `prefix`. */
  forget(prefix: string): void {
    for (const [key, entry] of this.waiting) {
      if (!key.startsWith(prefix)) continue;
      clearTimeout(entry.timer);
      this.waiting.delete(key);
    }
    for (const key of this.lastSent.keys()) if (key.startsWith(prefix)) this.lastSent.delete(key);
  }

  private sendNow(key: string, send: () => void): void {
    this.lastSent.set(key, Date.now());
    send();
  }
}

/**
 * A budget per key: `burst` messages at once, refilled at `perSecond` — for commands people send in
 * bursts (holding an arrow key, scrubbing) that must still be bounded.
 */
export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  /** Spends one token of `key`'s budget: 0 when spent, else how many ms until one is there (nothing spent). */
  take(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.burst, bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000)
      : this.burst;
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.max(1, Math.ceil(((1 - tokens) * 1000) / this.perSecond));
  }

  forget(prefix: string): void {
    for (const key of this.buckets.keys()) if (key.startsWith(prefix)) this.buckets.delete(key);
  }
}
