import {
  SPLIT_SHARE_MS,
  type ShareTimer,
  WipeDragShare,
  shareSplitNow,
  splitAt,
  trailingShareInMs,
} from './wipe-split';

describe('the wipe split', () => {
  it('is where the pointer is, as a share of the stage, held inside it', () => {
    expect(splitAt(150, 100, 200)).toBe(0.25);
    expect(splitAt(100, 100, 200)).toBe(0);
    expect(splitAt(300, 100, 200)).toBe(1);
    expect(splitAt(40, 100, 200)).toBe(0);
    expect(splitAt(900, 100, 200)).toBe(1);
    // A stage with no width yet divides nothing by zero.
    expect(Number.isFinite(splitAt(120, 100, 0))).toBe(true);
  });

  it('goes out to a live session ten times a second while dragged, and always where the drag ends', () => {
    expect(shareSplitNow(null, 5_000, false)).toBe(true);
    expect(shareSplitNow(5_000, 5_000 + SPLIT_SHARE_MS - 1, false)).toBe(false);
    expect(shareSplitNow(5_000, 5_000 + SPLIT_SHARE_MS, false)).toBe(true);
    expect(shareSplitNow(5_000, 5_001, true)).toBe(true);
  });

  it('holds a position back only until its window ends', () => {
    expect(trailingShareInMs(5_000, 5_030)).toBe(SPLIT_SHARE_MS - 30);
    expect(trailingShareInMs(5_000, 5_000 + SPLIT_SHARE_MS + 40)).toBe(0);
  });
});

/** A clock and timers the test moves by hand. */
function manualTimer(): ShareTimer & { advance: (ms: number) => void; pending: () => number } {
  let now = 1_000;
  let waiting: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    after: (ms, run) => {
      const entry = { at: now + ms, run };
      waiting.push(entry);
      return () => {
        waiting = waiting.filter((other) => other !== entry);
      };
    },
    advance: (ms) => {
      now += ms;
      const due = waiting.filter((entry) => entry.at <= now);
      waiting = waiting.filter((entry) => entry.at > now);
      for (const entry of due) entry.run();
    },
    pending: () => waiting.length,
  };
}

describe('a host dragging the wipe in a live session', () => {
  const dragging = () => {
    const timer = manualTimer();
    const shared: number[] = [];
    const drag = new WipeDragShare((split) => shared.push(split), timer);
    return { timer, shared, drag };
  };

  it('shares where the drag starts, then at most ten positions a second', () => {
    const { timer, shared, drag } = dragging();
    drag.begin(0.5);
    timer.advance(20);
    drag.move(0.45);
    timer.advance(20);
    drag.move(0.4);
    expect(shared).toEqual([0.5]);
    timer.advance(SPLIT_SHARE_MS);
    expect(shared).toEqual([0.5, 0.4]);
    timer.advance(SPLIT_SHARE_MS);
    drag.move(0.3);
    expect(shared).toEqual([0.5, 0.4, 0.3]);
  });

  it('shares where the host stopped and holds, once the window ends, without letting go', () => {
    const { timer, shared, drag } = dragging();
    drag.begin(0.5);
    timer.advance(10);
    drag.move(0.4);
    timer.advance(10);
    drag.move(0.35);
    expect(shared).toEqual([0.5]);
    timer.advance(SPLIT_SHARE_MS);
    expect(shared).toEqual([0.5, 0.35]);
    // Held still: nothing more goes out.
    timer.advance(SPLIT_SHARE_MS * 5);
    expect(shared).toEqual([0.5, 0.35]);
    expect(drag.active).toBe(true);
  });

  it('shares where it is let go at once, and nothing after', () => {
    const { timer, shared, drag } = dragging();
    drag.begin(0.5);
    timer.advance(10);
    drag.move(0.4);
    drag.end(0.25);
    expect(shared).toEqual([0.5, 0.25]);
    expect(timer.pending()).toBe(0);
    drag.move(0.9);
    drag.end(0.9);
    timer.advance(SPLIT_SHARE_MS);
    expect(shared).toEqual([0.5, 0.25]);
    expect(drag.active).toBe(false);
  });

  it('a drag cancelled or whose pointer capture is lost shares where it last was, and ends', () => {
    const { timer, shared, drag } = dragging();
    drag.begin(0.5);
    timer.advance(10);
    drag.move(0.2);
    drag.end();
    expect(shared).toEqual([0.5, 0.2]);
    expect(drag.active).toBe(false);
    // The capture lost after a pointerup ends nothing twice.
    drag.end();
    expect(shared).toEqual([0.5, 0.2]);
  });

  it('sends nothing once the view is gone', () => {
    const { timer, shared, drag } = dragging();
    drag.begin(0.5);
    timer.advance(10);
    drag.move(0.4);
    drag.dispose();
    timer.advance(SPLIT_SHARE_MS);
    expect(shared).toEqual([0.5]);
  });
});
