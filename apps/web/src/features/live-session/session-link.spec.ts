import { sessionLink } from './session-link';

describe('the link that opens straight into a live session', () => {
  it('is the cut page with live=1, keeping the version', () => {
    expect(sessionLink('https://cutroom.example/assets/abc?version=2')).toBe(
      'https://cutroom.example/assets/abc?version=2&live=1',
    );
  });

  it('says live=1 once, however often it is copied', () => {
    expect(sessionLink('https://cutroom.example/assets/abc?version=2&live=1')).toBe(
      'https://cutroom.example/assets/abc?version=2&live=1',
    );
  });
});
