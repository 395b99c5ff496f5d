import type { AssetEvent } from '@cutroom/contracts';
import { AssetEventOrder } from './event-order.js';

const ASSET = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const event = (seq: number, assetId = ASSET): AssetEvent => ({
  assetId,
  seq,
  type: 'comment.deleted',
  actorId: null,
  createdAt: '2026-12-04T00:00:00.000Z',
  payload: { commentId: ASSET, versionId: OTHER, parentId: null, internal: false },
});

/** A log holding seqs 1..100 of each asset, answering each read after `delayMs`. */
function setUp(options: { delayMs?: number; failReads?: boolean } = {}) {
  const delivered: [string, number][] = [];
  const reads: [string, number, number][] = [];
  const errors: unknown[] = [];
  const order = new AssetEventOrder({
    read: async (assetId, afterSeq, count) => {
      reads.push([assetId, afterSeq, count]);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
      if (options.failReads) throw new Error('database away');
      return Array.from({ length: count }, (_, i) => event(afterSeq + 1 + i, assetId)).filter(
        (e) => e.seq <= 100,
      );
    },
    deliver: (e) => void delivered.push([e.assetId, e.seq]),
    onError: (error) => errors.push(error),
  });
  const settle = () => order.settled();
  return { order, delivered, reads, errors, settle };
}

describe('AssetEventOrder', () => {
  it('hands inline events in order on at once, without reading the log', () => {
    const { order, delivered, reads } = setUp();
    for (const seq of [7, 8, 9]) order.offer({ event: event(seq) });
    expect(delivered).toEqual([
      [ASSET, 7],
      [ASSET, 8],
      [ASSET, 9],
    ]);
    expect(reads).toEqual([]);
  });

  it('an event too large for NOTIFY is read from the log, and the ones behind it wait for it', async () => {
    const { order, delivered, reads, settle } = setUp({ delayMs: 20 });
    order.offer({ event: event(1) });
    order.offer({ assetId: ASSET, seq: 2 });
    order.offer({ event: event(3) });
    order.offer({ event: event(1, OTHER) });
    // Another asset is not held up by this one's read.
    expect(delivered).toEqual([
      [ASSET, 1],
      [OTHER, 1],
    ]);
    await settle();
    expect(delivered.filter(([asset]) => asset === ASSET).map(([, seq]) => seq)).toEqual([1, 2, 3]);
    expect(reads).toEqual([[ASSET, 1, 1]]);
  });

  it('a seq that skips ahead is filled from the log first, and a repeated one goes nowhere', async () => {
    const { order, delivered, reads, settle } = setUp();
    order.offer({ event: event(4) });
    order.offer({ event: event(8) });
    order.offer({ event: event(6) });
    order.offer({ event: event(9) });
    await settle();
    expect(delivered.map(([, seq]) => seq)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(reads).toEqual([[ASSET, 4, 4]]);
  });

  it('an event the log does not keep (the asset deleted) still goes out, after the gap before it', async () => {
    const { order, delivered, settle } = setUp();
    order.offer({ event: event(99) });
    order.offer({ event: event(102) });
    await settle();
    expect(delivered.map(([, seq]) => seq)).toEqual([99, 100, 102]);
  });

  it('when the log cannot be read, an inline event still goes out and the error is reported', async () => {
    const { order, delivered, errors, settle } = setUp({ failReads: true });
    order.offer({ event: event(1) });
    order.offer({ assetId: ASSET, seq: 2 });
    order.offer({ event: event(3) });
    await settle();
    expect(delivered.map(([, seq]) => seq)).toEqual([1, 3]);
    expect(errors).toHaveLength(2);
  });

  it('a delivery that must look something up first holds the asset’s later events behind it', async () => {
    const delivered: number[] = [];
    const order = new AssetEventOrder({
      read: async () => [],
      deliver: (e) =>
        e.seq === 1
          ? new Promise<void>((resolve) => setTimeout(() => resolve(void delivered.push(e.seq)), 20))
          : void delivered.push(e.seq),
      onError: () => undefined,
    });
    for (const seq of [1, 2, 3]) order.offer({ event: event(seq) });
    expect(delivered).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toEqual([1, 2, 3]);
  });

  it('forgets idle assets beyond its limit, and starts them afresh', () => {
    const delivered: number[] = [];
    const order = new AssetEventOrder({
      read: async () => [],
      deliver: (e) => void delivered.push(e.seq),
      onError: () => undefined,
      maxAssets: 1,
    });
    order.offer({ event: event(5) });
    order.offer({ event: event(1, OTHER) });
    order.offer({ event: event(3) });
    expect(delivered).toEqual([5, 1, 3]);
  });
});
