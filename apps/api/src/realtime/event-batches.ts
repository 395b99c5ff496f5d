/** Where a batch goes: these rooms on this node, less the sockets in `except`. */
export interface BatchTarget {
  rooms: readonly string[];
  except?: string;
}

export interface EventBatchesOptions<E> {
  /** Sends events, in the order they were added, to one target. */
  send: (target: BatchTarget, events: E[]) => void;
  /** After a send, how long later ones gather before the next (ms). */
  windowMs: number;
  now?: () => number;
}

interface Batch<E> {
  target: BatchTarget;
  key: string;
  events: E[];
}

/**
 * Events on their way to rooms, sent together when they come faster than one a window: a busy
 * room's sockets each get one message for several comments instead of one each, which is most of
 * what a post costs to fan out. The first event after a quiet window goes at the end of the
 * current tick. Only events in a row for the same target are put together: a socket that is in
 * two targets (a member hears both what everyone hears and what only the team hears) still gets
 * every event in the order it was added. `flush()` sends what waits at once, before anything
 * sent another way.
 */
export class EventBatches<E> {
  private queue: Batch<E>[] = [];
  private cancel: (() => void) | undefined;
  private lastSent = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(private readonly options: EventBatchesOptions<E>) {
    this.now = options.now ?? (() => performance.now());
  }

  add(target: BatchTarget, event: E): void {
    const key = `${target.rooms.join('\n')}\n-${target.except ?? ''}`;
    const last = this.queue.at(-1);
    if (last?.key === key) last.events.push(event);
    else this.queue.push({ target, key, events: [event] });
    this.schedule();
  }

  flush(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.queue.length === 0) return;
    const queue = this.queue;
    this.queue = [];
    this.lastSent = this.now();
    for (const batch of queue) this.options.send(batch.target, batch.events);
  }

  private schedule(): void {
    if (this.cancel) return;
    const wait = this.lastSent + this.options.windowMs - this.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.flush());
      this.cancel = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(() => this.flush(), wait);
      this.cancel = () => clearTimeout(timer);
    }
  }
}
