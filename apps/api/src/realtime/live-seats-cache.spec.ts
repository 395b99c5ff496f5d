import type { LiveSeats } from '@cutroom/policy';
import { LiveSeatsCache } from './live-seats-cache.js';

const ASSET = 'asset-1';
const seatsHostedBy = (hostUserId: string): LiveSeats => ({
  hostUserId,
  participants: [{ userId: hostUserId, guest: false, annotator: false }],
});

/** A read that finishes when the test says so. */
function heldRead() {
  const pending: ((seats: LiveSeats | null) => void)[] = [];
  const read = () => new Promise<LiveSeats | null>((resolve) => pending.push(resolve));
  return { read, finish: (index: number, seats: LiveSeats | null) => pending[index](seats) };
}

describe('the seats of live sessions as one api process holds them', () => {
  it('knows nothing of a cut before reading it, then what it read', async () => {
    const cache = new LiveSeatsCache(() => Promise.resolve(seatsHostedBy('olive')));
    expect(cache.known(ASSET)).toBeUndefined();
    await cache.refresh(ASSET);
    expect(cache.known(ASSET)).toEqual(seatsHostedBy('olive'));
  });

  it('an older read that finishes late never overwrites a newer one', async () => {
    const reads = heldRead();
    const cache = new LiveSeatsCache(reads.read);
    const first = cache.refresh(ASSET);
    const second = cache.refresh(ASSET);
    reads.finish(1, seatsHostedBy('rita'));
    await second;
    reads.finish(0, seatsHostedBy('olive'));
    await first;
    expect(cache.known(ASSET)).toEqual(seatsHostedBy('rita'));
  });

  it('a session that ended reads as none; a cut forgotten reads as unknown', async () => {
    const cache = new LiveSeatsCache(() => Promise.resolve(null));
    const readNumber = cache.begin(ASSET);
    cache.offer(ASSET, seatsHostedBy('olive'), readNumber);
    await cache.refresh(ASSET);
    expect(cache.known(ASSET)).toBeNull();
    cache.forget(ASSET);
    expect(cache.known(ASSET)).toBeUndefined();
    expect(cache.assets()).toEqual([]);
  });
});
