import { decisionBlocker } from './decision-blocker';

describe('when a decision can be made', () => {
  it('only on the newest version', () => {
    expect(decisionBlocker({ number: 1, status: 'ready', playable: true }, 2)).toBe(
      'v1 has been replaced by v2: decisions are made on the newest version.',
    );
  });

  it('only once the version can be watched', () => {
    expect(decisionBlocker({ number: 2, status: 'processing', playable: false }, 2)).toMatch(
      /^v2 cannot be watched yet/,
    );
    expect(decisionBlocker({ number: 2, status: 'processing', playable: true }, 2)).toBeNull();
    expect(decisionBlocker({ number: 2, status: 'ready', playable: false }, 2)).toBeNull();
  });
});
