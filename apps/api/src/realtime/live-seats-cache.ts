import type { LiveSeats } from '@cutroom/policy';

/**
 * Each live session's seats (who hosts, who annotates), as this process last read them, for the
 * cuts it has sockets on: strokes and laser pointers are judged by them many times a second, so
 * they are read once per change (every api node is told of one through Postgres) rather than per
 * message. `null` is read as "no session on this cut".
 */
export class LiveSeatsCache {
  private readonly seats = new Map<string, LiveSeats | null>();
  /** Per cut, the newest read asked for: an older read finishing late never overwrites it. */
  private readonly reads = new Map<string, number>();
  private nextRead = 0;

  constructor(private readonly read: (assetId: string) => Promise<LiveSeats | null>) {}

  /** The seats as last read; undefined when this process has not read them yet. */
  known(assetId: string): LiveSeats | null | undefined {
    return this.seats.get(assetId);
  }

  /** Takes what a read begun with `begin` found, unless a newer read was begun since. */
  offer(assetId: string, seats: LiveSeats | null, readNumber: number): void {
    if (this.reads.get(assetId) === readNumber) this.seats.set(assetId, seats);
  }

  /** Reads the cut's seats again (they changed, or may have while Postgres was out of reach). */
  async refresh(assetId: string): Promise<void> {
    const readNumber = this.begin(assetId);
    this.offer(assetId, await this.read(assetId), readNumber);
  }

  /** Cuts this process holds seats of. */
  assets(): string[] {
    return [...this.seats.keys()];
  }

  forget(assetId: string): void {
    this.seats.delete(assetId);
    this.reads.delete(assetId);
  }

  /** Marks a read as the newest asked for, before it is made. */
  begin(assetId: string): number {
    const readNumber = ++this.nextRead;
    this.reads.set(assetId, readNumber);
    return readNumber;
  }
}
