export interface WriteGroupsOptions<I, R> {
  /** Writes one item on its own. */
  one: (item: I) => Promise<R>;
  /**
   * Writes several items in one transaction, resolving to their results in order. When it
   * rejects, each item is written again on its own, so that a failure is only its item's.
   */
  together: (items: I[]) => Promise<R[]>;
  /** Most items written together. */
  maxGroup: number;
}

interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that take the same row lock, one group at a time per key, in the order they came.
 * Writes of one key are serialised by the database anyway: each holds the lock until its commit
 * reaches the disk, so the next waits a whole disk flush. Here, while one key's write is under
 * way, the writes after it gather and then go in one transaction: one flush for all of them. A
 * write that finds its key idle goes at once, alone, as before.
 */
export class WriteGroups<I, R> {
  private readonly waiting = new Map<string, Waiting<I, R>[]>();
  private readonly busy = new Set<string>();

  constructor(private readonly options: WriteGroupsOptions<I, R>) {}

  write(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) queue.push({ item, resolve, reject });
      else this.waiting.set(key, [{ item, resolve, reject }]);
      if (!this.busy.has(key)) this.next(key);
    });
  }

  private next(key: string): void {
    const queue = this.waiting.get(key);
    if (!queue || queue.length === 0) {
      this.waiting.delete(key);
      this.busy.delete(key);
      return;
    }
    this.busy.add(key);
    const group = queue.splice(0, this.options.maxGroup);
    void this.run(group).finally(() => this.next(key));
  }

  private async run(group: Waiting<I, R>[]): Promise<void> {
    if (group.length > 1) {
      let results: R[] | undefined;
      try {
        results = await this.options.together(group.map((waiting) => waiting.item));
      } catch {
        // Written again one at a time below: each item gets its own result or error.
      }
      if (results) {
        group.forEach((waiting, n) => waiting.resolve(results[n]));
        return;
      }
    }
    // In the order they came, one after another: they would wait on the same lock anyway.
    for (const waiting of group) {
      try {
        waiting.resolve(await this.options.one(waiting.item));
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}
