import { type BatchTarget, EventBatches } from './event-batches.js';

const everyone: BatchTarget = { rooms: ['asset:a', 'project:p'] };
const team: BatchTarget = { rooms: ['asset:a', 'project:p'], except: 'guests' };

function batches(windowMs = 25) {
  const sent: { to: string; events: number[] }[] = [];
  const queue = new EventBatches<number>({
    windowMs,
    send: (target, events) => sent.push({ to: target.except ? 'team' : 'everyone', events }),
  });
  return { queue, sent };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventBatches', () => {
  it('sends the first event after a quiet spell at the end of the tick, with those added in it', async () => {
    const { queue, sent } = batches();
    queue.add(everyone, 1);
    queue.add(everyone, 2);
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual([{ to: 'everyone', events: [1, 2] }]);
  });

  it('gathers what comes within the window after a send into one message', async () => {
    const { queue, sent } = batches(40);
    queue.add(everyone, 1);
    await tick();
    queue.add(everyone, 2);
    queue.add(everyone, 3);
    await tick();
    expect(sent).toEqual([{ to: 'everyone', events: [1] }]);
    await sleep(60);
    expect(sent).toEqual([
      { to: 'everyone', events: [1] },
      { to: 'everyone', events: [2, 3] },
    ]);
  });

  it('keeps the order of events for different audiences: only neighbours for the same one go together', async () => {
    const { queue, sent } = batches();
    queue.add(everyone, 1);
    queue.add(team, 2);
    queue.add(everyone, 3);
    queue.add(everyone, 4);
    await tick();
    expect(sent).toEqual([
      { to: 'everyone', events: [1] },
      { to: 'team', events: [2] },
      { to: 'everyone', events: [3, 4] },
    ]);
  });

  it('flush sends what waits at once, and nothing twice', async () => {
    const { queue, sent } = batches();
    queue.add(team, 1);
    queue.flush();
    expect(sent).toEqual([{ to: 'team', events: [1] }]);
    await sleep(40);
    queue.flush();
    expect(sent).toHaveLength(1);
  });
});
