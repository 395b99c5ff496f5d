import { DrivingTabs, type TabChannel } from './driving-tab';

/** Tabs of one browser on one channel: what one posts, each other one receives (at once). */
function browser() {
  const channels: TabChannel[] = [];
  let clock = 1_000;
  const tab = (tabId: string) => {
    const channel: TabChannel = {
      onmessage: null,
      postMessage(message) {
        for (const other of channels)
          if (other !== channel) other.onmessage?.({ data: structuredClone(message) });
      },
    };
    channels.push(channel);
    return new DrivingTabs(channel, tabId, () => clock);
  };
  return { tab, tick: (ms: number) => (clock += ms) };
}

const SESSION = 'session-1';

describe("which of a browser's tabs drives a session its person hosts", () => {
  it('the last tab to take the seat drives; the first one follows it', () => {
    const { tab, tick } = browser();
    const first = tab('a');
    const second = tab('b');
    first.claim(SESSION);
    expect(first.drivenElsewhere(SESSION)).toBe(false);
    expect(second.drivenElsewhere(SESSION)).toBe(true);
    tick(5_000);
    second.claim(SESSION);
    expect(first.drivenElsewhere(SESSION)).toBe(true);
    expect(second.drivenElsewhere(SESSION)).toBe(false);
  });

  it('two tabs claiming at the same instant agree on one of them', () => {
    const { tab } = browser();
    const tabs = [tab('a'), tab('b'), tab('c')];
    for (const each of tabs) each.claim(SESSION);
    expect(tabs.filter((each) => !each.drivenElsewhere(SESSION))).toHaveLength(1);
  });

  it('a claim made on a clock behind one already seen still wins', () => {
    const { tab, tick } = browser();
    const first = tab('b');
    const second = tab('a');
    first.claim(SESSION);
    tick(-50);
    second.claim(SESSION);
    expect(first.drivenElsewhere(SESSION)).toBe(true);
    expect(second.drivenElsewhere(SESSION)).toBe(false);
  });

  it('when the driving tab leaves or goes, nobody drives until another takes over; a tab that does not drive frees nothing', () => {
    const { tab, tick } = browser();
    const first = tab('a');
    const second = tab('b');
    first.claim(SESSION);
    tick(10);
    second.claim(SESSION);
    first.release(SESSION);
    expect(first.drivenElsewhere(SESSION)).toBe(true);
    second.releaseAll();
    expect(first.drivenElsewhere(SESSION)).toBe(false);
    expect(first.hasDriver(SESSION)).toBe(false);
  });

  it('tells its listeners when the driving tab changes, and ignores what is not its message', () => {
    const { tab } = browser();
    const first = tab('a');
    const second = tab('b');
    const heard = jest.fn();
    first.subscribe(heard);
    second.claim(SESSION);
    expect(heard).toHaveBeenCalledTimes(1);
    (first as unknown as { receive(data: unknown): void }).receive({ kind: 'driving', sessionId: 7 });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(first.drivenElsewhere('other-session')).toBe(false);
  });
});
