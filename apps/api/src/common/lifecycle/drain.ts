import type { NextFunction, Request, Response } from 'express';

/**
 * A process stopping gracefully (SIGTERM). `announce()` turns readiness to "draining" (a balancer
 * that checks it stops sending new connections here) while everything is still served; `start()`
 * then runs the listeners (sockets told to reconnect elsewhere) once the process no longer takes
 * connections, and the requests already under way, upload chunks included, finish.
 */
export class Drain {
  private draining = false;
  private started = false;
  private inFlight = 0;
  private readonly waiters = new Set<() => void>();
  private readonly starting: (() => void)[] = [];

  get active(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Runs `listener` when draining starts (sockets told to reconnect elsewhere, say). */
  onStart(listener: () => void): void {
    this.starting.push(listener);
  }

  announce(): void {
    this.draining = true;
  }

  start(): void {
    this.announce();
    if (this.started) return;
    this.started = true;
    for (const listener of this.starting) listener();
  }

  /** Resolves true once no request is under way, or false when `timeoutMs` passes first. */
  requestsDone(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(done);
    });
  }

  /**
   * Counts requests under way. Once draining, each answer closes its connection, so a client
   * holding one open comes back on a new connection, which the balancer sends elsewhere; the
   * request itself is still served — refusing it would show the client an error.
   */
  middleware() {
    return (_request: Request, response: Response, next: NextFunction): void => {
      this.inFlight++;
      let counted = true;
      const finished = () => {
        if (!counted) return;
        counted = false;
        this.inFlight--;
        if (this.inFlight === 0) for (const waiter of [...this.waiters]) waiter();
      };
      response.once('finish', finished);
      response.once('close', finished);
      if (this.draining) response.setHeader('Connection', 'close');
      next();
    };
  }
}
