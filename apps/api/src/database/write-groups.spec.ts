import { WriteGroups } from './write-groups.js';

/** A database stand-in that records how items were written and lets the test say when each write ends. */
function recorder(
  options: { failTogether?: (items: string[]) => boolean; failOne?: (item: string) => boolean } = {},
) {
  const writes: string[][] = [];
  const finish: (() => void)[] = [];
  const held = () => new Promise<void>((resolve) => finish.push(resolve));
  const groups = new WriteGroups<string, string>({
    maxGroup: 3,
    one: async (item) => {
      writes.push([item]);
      await held();
      if (options.failOne?.(item)) throw new Error(`${item} refused`);
      return `${item} stored`;
    },
    together: async (items) => {
      writes.push(items);
      await held();
      if (options.failTogether?.(items)) throw new Error('the group failed');
      return items.map((item) => `${item} stored together`);
    },
  });
  /** Ends the writes under way, then lets what they start begin. */
  const release = async () => {
    for (const done of finish.splice(0)) done();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { groups, writes, release };
}

describe('WriteGroups', () => {
  it('writes alone at once when its key is idle; what comes meanwhile goes together next, in order', async () => {
    const { groups, writes, release } = recorder();
    const first = groups.write('cut', 'a');
    const later = ['b', 'c'].map((item) => groups.write('cut', item));
    expect(writes).toEqual([['a']]);
    await release();
    expect(writes).toEqual([['a'], ['b', 'c']]);
    await release();
    expect(await first).toBe('a stored');
    expect(await Promise.all(later)).toEqual(['b stored together', 'c stored together']);
  });

  it('keys do not wait for each other', async () => {
    const { groups, writes, release } = recorder();
    const both = [groups.write('cut 1', 'a'), groups.write('cut 2', 'b')];
    expect(writes).toEqual([['a'], ['b']]);
    await release();
    expect(await Promise.all(both)).toEqual(['a stored', 'b stored']);
  });

  it('puts at most maxGroup together', async () => {
    const { groups, writes, release } = recorder();
    const all = ['a', 'b', 'c', 'd', 'e'].map((item) => groups.write('cut', item));
    await release();
    await release();
    await release();
    expect(writes).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    await Promise.all(all);
  });

  it('when a group fails, each of its items is written on its own: one bad item fails only itself', async () => {
    const { groups, writes, release } = recorder({
      failTogether: (items) => items.includes('bad'),
      failOne: (item) => item === 'bad',
    });
    const first = groups.write('cut', 'a');
    const good = groups.write('cut', 'b');
    const bad = groups.write('cut', 'bad');
    await release();
    await release();
    // Again one after another, in the order they came.
    expect(writes).toEqual([['a'], ['b', 'bad'], ['b']]);
    await release();
    expect(writes).toEqual([['a'], ['b', 'bad'], ['b'], ['bad']]);
    await release();
    expect(await first).toBe('a stored');
    expect(await good).toBe('b stored');
    await expect(bad).rejects.toThrow('bad refused');
    // The key is free again afterwards.
    const after = groups.write('cut', 'c');
    expect(writes.at(-1)).toEqual(['c']);
    await release();
    expect(await after).toBe('c stored');
  });
});
