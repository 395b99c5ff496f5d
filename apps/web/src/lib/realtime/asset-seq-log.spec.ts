import { AssetSeqLog } from './asset-seq-log';

const asset = 'a1';

describe('applying each asset event once and in order', () => {
  it('applies the first event it hears of an asset it has no baseline for', () => {
    expect(new AssetSeqLog().decide(asset, 7)).toBe('apply');
  });

  it('applies the next seq, drops ones already applied, and spots a gap', () => {
    const log = new AssetSeqLog();
    log.advance(asset, 4);
    expect(log.decide(asset, 5)).toBe('apply');
    expect(log.decide(asset, 4)).toBe('duplicate');
    expect(log.decide(asset, 2)).toBe('duplicate');
    expect(log.decide(asset, 7)).toBe('gap');
  });

  it('never moves backwards', () => {
    const log = new AssetSeqLog();
    log.advance(asset, 9);
    log.advance(asset, 3);
    expect(log.last(asset)).toBe(9);
  });

  it('keeps each asset apart', () => {
    const log = new AssetSeqLog();
    log.advance('a1', 10);
    expect(log.decide('a2', 1)).toBe('apply');
    expect(log.decide('a1', 1)).toBe('duplicate');
  });

  it('forgets assets whose rooms it left after a reconnect', () => {
    const log = new AssetSeqLog();
    log.advance('a1', 3);
    log.advance('a2', 5);
    log.forgetAllExcept(new Set(['a2']));
    expect(log.last('a1')).toBeUndefined();
    expect(log.last('a2')).toBe(5);
  });
});
