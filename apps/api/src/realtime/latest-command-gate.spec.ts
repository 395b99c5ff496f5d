import { LatestCommandGate } from './latest-command-gate.js';

type Answer = string;

describe('latest-command gate', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  function gate() {
    const ran: string[] = [];
    const commands = new LatestCommandGate<Answer>(2, 10, () => 'superseded');
    const offer = (key: string, command: string) =>
      commands.offer(key, () => {
        ran.push(command);
        return Promise.resolve(`ran ${command}`);
      });
    return { commands, offer, ran };
  }

  it('runs a burst at once; beyond it, only the last command of the burst runs, at the next turn', async () => {
    const { offer, ran } = gate();
    const answers = ['a', 'b', 'c', 'd', 'e'].map((command) => offer('s1:cut', command));
    const other = offer('s2:cut', 'other socket');
    expect(ran).toEqual(['a', 'b', 'other socket']);
    await expect(answers[2]).resolves.toBe('superseded');
    await expect(answers[3]).resolves.toBe('superseded');
    jest.advanceTimersByTime(99);
    expect(ran).toEqual(['a', 'b', 'other socket']);
    jest.advanceTimersByTime(1);
    expect(ran).toEqual(['a', 'b', 'other socket', 'e']);
    await expect(answers[4]).resolves.toBe('ran e');
    await expect(Promise.all([answers[0], other])).resolves.toEqual(['ran a', 'ran other socket']);
  });

  it('a thousand commands in a tight loop run a bounded number, the last one among them', () => {
    const { offer, ran } = gate();
    for (let n = 0; n < 1000; n++) void offer('s1:cut', String(n));
    jest.advanceTimersByTime(1000);
    expect(ran).toEqual(['0', '1', '999']);
  });

  it('runs what waits at once when its sender says something else, so nothing overtakes it', () => {
    const { commands, offer, ran } = gate();
    for (const command of ['a', 'b', 'c']) void offer('s1:cut', command);
    commands.flush('s1:');
    expect(ran).toEqual(['a', 'b', 'c']);
    jest.advanceTimersByTime(1000);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('drops what waits when its sender goes, answering it, and forgets its budget', async () => {
    const { commands, offer, ran } = gate();
    const answers = ['a', 'b', 'c'].map((command) => offer('s1:cut', command));
    commands.forget('s1:');
    await expect(answers[2]).resolves.toBe('superseded');
    jest.advanceTimersByTime(1000);
    expect(ran).toEqual(['a', 'b']);
    void offer('s1:cut', 'd');
    expect(ran).toEqual(['a', 'b', 'd']);
  });
});
