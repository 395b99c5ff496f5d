/** What to do with an incoming asset event, given the seqs already applied for its asset. */
export type SeqDecision = 'apply' | 'duplicate' | 'gap';

/**
 * Remembers, per asset, the last event seq applied to the cache, so every event is applied once and in
 * order. An asset without a baseline (seen only through its project's room) applies whatever comes first:
 * the project list was refetched after joining the room, so nothing before that event is missing.
 */
export class AssetSeqLog {
  private readonly lastSeq = new Map<string, number>();

  last(assetId: string): number | undefined {
    return this.lastSeq.get(assetId);
  }

  decide(assetId: string, seq: number): SeqDecision {
    const last = this.lastSeq.get(assetId);
    if (last === undefined) return 'apply';
    if (seq <= last) return 'duplicate';
    return seq === last + 1 ? 'apply' : 'gap';
  }

  /** Records an applied event (or a join's `lastSeq`); never moves backwards. */
  advance(assetId: string, seq: number): void {
    const last = this.lastSeq.get(assetId);
    if (last === undefined || seq > last) this.lastSeq.set(assetId, seq);
  }

  forget(assetId: string): void {
    this.lastSeq.delete(assetId);
  }

  /** Forgets every asset but `keep`: after a reconnect only joined asset rooms can say what was missed. */
  forgetAllExcept(keep: ReadonlySet<string>): void {
    for (const assetId of this.lastSeq.keys()) if (!keep.has(assetId)) this.lastSeq.delete(assetId);
  }
}
