import { LiveSeatMemory, type SeatStorage } from './live-seat-memory';

function memoryStorage(): SeatStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const CUT = '5b0c1f8e-0d7a-4c1e-9a55-0b6f2f3a9d10';
const OTHER_CUT = '9d3f6a2b-7c1e-4b8a-8f0d-3e2a1c5b7d90';

describe('a live seat remembered in this tab', () => {
  it('takes the seat again after a reload while the same session runs', () => {
    const storage = memoryStorage();
    new LiveSeatMemory(storage).remember(CUT, 'session-1');
    const reloaded = new LiveSeatMemory(storage);
    expect(reloaded.rejoins(CUT, 'session-1')).toBe(true);
    expect(reloaded.rejoins(CUT, 'session-1')).toBe(true);
  });

  it('does not join a session this tab was never in', () => {
    const memory = new LiveSeatMemory(memoryStorage());
    expect(memory.rejoins(CUT, 'session-1')).toBe(false);
    memory.remember(OTHER_CUT, 'session-1');
    expect(memory.rejoins(CUT, 'session-1')).toBe(false);
  });

  it('forgets a session that ended while the page was away, and does not join the next one', () => {
    const storage = memoryStorage();
    const memory = new LiveSeatMemory(storage);
    memory.remember(CUT, 'session-1');
    expect(memory.rejoins(CUT, 'session-2')).toBe(false);
    expect(storage.items.size).toBe(0);
    memory.remember(CUT, 'session-1');
    expect(memory.rejoins(CUT, null)).toBe(false);
    expect(memory.rejoins(CUT, 'session-1')).toBe(false);
  });

  it('tells a tab whose session ended while it was away (a reload) from one that was in none', () => {
    const storage = memoryStorage();
    const memory = new LiveSeatMemory(storage);
    expect(memory.onOpen(CUT, null)).toBe('none');
    memory.remember(CUT, 'session-1');
    expect(memory.onOpen(CUT, 'session-1')).toBe('rejoin');
    expect(memory.onOpen(CUT, null)).toBe('ended');
    expect(memory.onOpen(CUT, null)).toBe('none');
    memory.remember(CUT, 'session-1');
    expect(memory.onOpen(CUT, 'session-2')).toBe('ended');
  });

  it('remembers a seat looking around alone (Break away) as such, in the same session', () => {
    const storage = memoryStorage();
    const memory = new LiveSeatMemory(storage);
    memory.remember(CUT, 'session-1', true);
    const reloaded = new LiveSeatMemory(storage);
    expect(reloaded.onOpen(CUT, 'session-1')).toBe('rejoin');
    expect(reloaded.brokenAwayIn(CUT)).toBe(true);
    reloaded.remember(CUT, 'session-1', false);
    expect(reloaded.brokenAwayIn(CUT)).toBe(false);
    expect(reloaded.rejoins(CUT, 'session-1')).toBe(true);
  });

  it('forgets on Leave, and on the end of the session it remembers only', () => {
    const memory = new LiveSeatMemory(memoryStorage());
    memory.remember(CUT, 'session-1');
    memory.forget(CUT, 'session-0');
    expect(memory.rejoins(CUT, 'session-1')).toBe(true);
    memory.forget(CUT, 'session-1');
    expect(memory.rejoins(CUT, 'session-1')).toBe(false);
    memory.remember(CUT, 'session-1');
    memory.forget(CUT);
    expect(memory.rejoins(CUT, 'session-1')).toBe(false);
  });

  it('a storage that refuses means no rejoin, not an error', () => {
    const refusing: SeatStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const memory = new LiveSeatMemory(refusing);
    expect(() => memory.remember(CUT, 'session-1')).not.toThrow();
    expect(memory.rejoins(CUT, 'session-1')).toBe(false);
    expect(new LiveSeatMemory(null).rejoins(CUT, 'session-1')).toBe(false);
  });
});
