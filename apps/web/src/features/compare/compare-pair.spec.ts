import type { Version } from '@cutroom/contracts';
import { compareQueryShowing, defaultPair, playableVideos, reviewLinkFromCompare } from './compare-pair';

const id = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function version(number: number, change: { status?: Version['status']; kind?: 'video' | 'still' } = {}) {
  return {
    id: id(number),
    number,
    status: change.status ?? 'ready',
    media: { kind: change.kind ?? 'video' },
  } as unknown as Version;
}

describe('which two versions the compare view opens', () => {
  const stack = [version(1), version(2), version(3), version(4, { status: 'processing' })];

  it('plays only finished videos, newest first', () => {
    const videos = playableVideos([...stack, version(5, { kind: 'still' })]);
    expect(videos.map((v) => v.number)).toEqual([3, 2, 1]);
  });

  it('compares the newest finished version with the one before it by default', () => {
    const pair = defaultPair(playableVideos(stack), null, null);
    expect([pair?.a.number, pair?.b.number]).toEqual([2, 3]);
  });

  it('takes the versions the link names, and the one before B when only B is named', () => {
    const videos = playableVideos(stack);
    const named = defaultPair(videos, id(1), id(3));
    expect([named?.a.number, named?.b.number]).toEqual([1, 3]);
    const onlyB = defaultPair(videos, null, id(2));
    expect([onlyB?.a.number, onlyB?.b.number]).toEqual([1, 2]);
    const unknown = defaultPair(videos, id(9), id(4));
    expect([unknown?.a.number, unknown?.b.number]).toEqual([2, 3]);
  });

  it('has nothing to compare with fewer than two finished videos', () => {
    expect(
      defaultPair(playableVideos([version(1), version(2, { status: 'failed' })]), null, null),
    ).toBeNull();
  });
});

describe('the compare view’s address and the way back', () => {
  const A = id(1);
  const B = id(2);

  it('goes back to B’s review page on the frame B shows', () => {
    expect(reviewLinkFromCompare('cut', 2, 188)).toBe('/assets/cut?version=2&frame=188');
    expect(reviewLinkFromCompare('cut', 2, 0)).toBe('/assets/cut?version=2');
  });

  it('once A stands on a frame, names that frame and drops the frame B opened on', () => {
    const opened = new URLSearchParams(`a=${A}&b=${B}&bframe=188`);
    expect(compareQueryShowing(opened, 180)?.toString()).toBe(`a=${A}&b=${B}&frame=180`);
    expect(compareQueryShowing(opened, 0)?.toString()).toBe(`a=${A}&b=${B}`);
  });

  it('follows A’s frame, keeps the rest, and says when nothing changes', () => {
    const shown = new URLSearchParams(`a=${A}&b=${B}&frame=180&live=1`);
    expect(compareQueryShowing(shown, 180)).toBeNull();
    expect(compareQueryShowing(shown, 181)?.toString()).toBe(`a=${A}&b=${B}&frame=181&live=1`);
    expect(compareQueryShowing(new URLSearchParams(`a=${A}&b=${B}`), 0)).toBeNull();
  });
});
