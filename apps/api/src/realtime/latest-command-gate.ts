import { TokenBucket } from './ephemeral-throttle.js';

interface Waiting<A> {
  run: () => Promise<A>;
  answer: (ack: A) => void;
  timer: NodeJS.Timeout;
}

/**
 * Commands that each carry a whole state and are answered (the host's drive): per key, `burst` run
 * at once and then `perSecond`. One that comes with the budget spent waits for the next token, and a
 * newer one takes its place (the one replaced is answered `superseded()`), so the last command of a
 * burst always runs, soon, and nothing queues up behind it. `run` answers its refusals, never throws.
 */
export class LatestCommandGate<A> {
  private readonly budget: TokenBucket;
  private readonly waiting = new Map<string, Waiting<A>>();

  constructor(
    burst: number,
    perSecond: number,
    private readonly superseded: () => A,
  ) {
    this.budget = new TokenBucket(burst, perSecond);
  }

  offer(key: string, run: () => Promise<A>): Promise<A> {
    const waiting = this.waiting.get(key);
    if (waiting) {
      waiting.answer(this.superseded());
      waiting.run = run;
      return new Promise((resolve) => (waiting.answer = resolve));
    }
    const wait = this.budget.take(key);
    if (wait === 0) return run();
    return new Promise((resolve) => {
      this.waiting.set(key, { run, answer: resolve, timer: setTimeout(() => this.release(key), wait) });
    });
  }

  /** Runs now what waits under keys starting with `prefix`: a later message of its sender must not overtake it. */
  flush(prefix: string): void {
    for (const [key, entry] of this.waiting) {
      if (!key.startsWith(prefix)) continue;
      clearTimeout(entry.timer);
      this.waiting.delete(key);
      void entry.run().then(entry.answer);
    }
  }

  /** Its sender went: what waits is answered `superseded()` and dropped, and the budgets forgotten. */
  forget(prefix: string): void {
    for (const [key, entry] of this.waiting) {
      if (!key.startsWith(prefix)) continue;
      clearTimeout(entry.timer);
      this.waiting.delete(key);
      entry.answer(this.superseded());
    }
    this.budget.forget(prefix);
  }

  private release(key: string): void {
    const entry = this.waiting.get(key);
    if (!entry) return;
    const wait = this.budget.take(key);
    if (wait > 0) {
      entry.timer = setTimeout(() => this.release(key), wait);
      return;
    }
    this.waiting.delete(key);
    void entry.run().then(entry.answer);
  }
}
