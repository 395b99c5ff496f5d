import type { AssetEvent } from '@cutroom/contracts';
import type { EventNotice } from '../events/event-log.js';

export interface EventOrderOptions {
  /** Up to `count` stored events of the asset after `afterSeq`, oldest first. */
  read(assetId: string, afterSeq: number, count: number): Promise<AssetEvent[]>;
  /** Hands one event on; a returned promise holds the asset's later events until it settles. */
  deliver(event: AssetEvent): void | Promise<void>;
  onError(error: unknown, assetId: string): void;
  /** Assets whose last seq is remembered; beyond it idle ones are forgotten. */
  maxAssets?: number;
}

interface AssetLine {
  /** The last seq handed on; undefined until the first notice. */
  lastSeq: number | undefined;
  waiting: EventNotice[];
  busy: boolean;
}

const seqOf = (notice: EventNotice) => ('event' in notice ? notice.event.seq : notice.seq);
const assetOf = (notice: EventNotice) => ('event' in notice ? notice.event.assetId : notice.assetId);

/**
 * Hands each asset's events on in seq order, each once. Notices arrive in commit order, which per
 * asset is seq order (the asset's row lock orders its writers), but some need a read before they
 * can go (an event too large for NOTIFY): later ones wait behind it instead of overtaking it. A
 * seq that skips ahead (notices missed while LISTEN reconnected) is filled from the log first.
 * The usual notice — the next seq, inline — is handed on at once, with no read.
 */
export class AssetEventOrder {
  private readonly lines = new Map<string, AssetLine>();
  private readonly maxAssets: number;
  /** Reads and deliveries under way, each holding its asset's later events. */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: EventOrderOptions) {
    this.maxAssets = options.maxAssets ?? 10_000;
  }

  offer(notice: EventNotice): void {
    const assetId = assetOf(notice);
    let line = this.lines.get(assetId);
    if (!line) {
      if (this.lines.size >= this.maxAssets) this.forgetIdle();
      line = { lastSeq: undefined, waiting: [], busy: false };
      this.lines.set(assetId, line);
    }
    line.waiting.push(notice);
    if (!line.busy) this.drain(assetId, line);
  }

  /** Resolves once every notice offered so far has been handed on (or given up on). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private drain(assetId: string, line: AssetLine): void {
    while (line.waiting.length > 0) {
      const notice = line.waiting.shift() as EventNotice;
      const pending = this.step(assetId, line, notice);
      if (pending) {
        line.busy = true;
        const held: Promise<void> = pending
          .catch((error: unknown) => this.options.onError(error, assetId))
          .finally(() => {
            this.pending.delete(held);
            line.busy = false;
            this.drain(assetId, line);
          });
        this.pending.add(held);
        return;
      }
    }
  }

  private step(assetId: string, line: AssetLine, notice: EventNotice): void | Promise<void> {
    const seq = seqOf(notice);
    if (line.lastSeq !== undefined && seq <= line.lastSeq) return;
    if ('event' in notice && (line.lastSeq === undefined || seq === line.lastSeq + 1))
      return this.handOn(line, notice.event);
    return this.fill(assetId, line, notice);
  }

  /** Reads what this notice needs from the log: the gap before it, and the event if not inline. */
  private async fill(assetId: string, line: AssetLine, notice: EventNotice): Promise<void> {
    const seq = seqOf(notice);
    const after = line.lastSeq ?? seq - 1;
    let stored: AssetEvent[] = [];
    try {
      stored = await this.options.read(assetId, after, seq - after);
    } catch (error) {
      this.options.onError(error, assetId);
    }
    for (const event of stored) {
      if (event.seq > seq || (line.lastSeq !== undefined && event.seq <= line.lastSeq)) continue;
      await this.handOn(line, event);
    }
    // An event not kept in the log (the asset's deletion) still goes out, after what came before.
    if ('event' in notice && (line.lastSeq === undefined || line.lastSeq < seq))
      await this.handOn(line, notice.event);
  }

  private handOn(line: AssetLine, event: AssetEvent): void | Promise<void> {
    line.lastSeq = event.seq;
    try {
      const delivered = this.options.deliver(event);
      if (delivered) return delivered.catch((error: unknown) => this.options.onError(error, event.assetId));
    } catch (error) {
      this.options.onError(error, event.assetId);
    }
  }

  private forgetIdle(): void {
    for (const [assetId, line] of this.lines)
      if (!line.busy && line.waiting.length === 0) this.lines.delete(assetId);
  }
}
