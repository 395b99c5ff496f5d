import { foreignSite } from './same-origin.js';

const PUBLIC_URL = 'https://review.example.com';

describe('where a browser request comes from', () => {
  it("accepts Cutroom's own pages: PUBLIC_URL's origin, or the host the request was sent to", () => {
    expect(
      foreignSite({ origin: 'https://review.example.com', host: 'internal:3000' }, PUBLIC_URL),
    ).toBeUndefined();
    // The dev server's proxy, or a server reached by another name than PUBLIC_URL.
    expect(
      foreignSite({ origin: 'http://localhost:5173', host: 'localhost:5173' }, PUBLIC_URL),
    ).toBeUndefined();
    expect(
      foreignSite({ origin: 'http://192.168.1.5:3000', host: '192.168.1.5:3000' }, PUBLIC_URL),
    ).toBeUndefined();
  });

  it('names any other origin, a sibling subdomain or another port included', () => {
    expect(foreignSite({ origin: 'https://evil.example', host: 'review.example.com' }, PUBLIC_URL)).toBe(
      'https://evil.example',
    );
    expect(foreignSite({ origin: 'https://files.example.com', host: 'review.example.com' }, PUBLIC_URL)).toBe(
      'https://files.example.com',
    );
    expect(
      foreignSite({ origin: 'https://review.example.com:8443', host: 'review.example.com' }, PUBLIC_URL),
    ).toBe('https://review.example.com:8443');
    expect(foreignSite({ origin: 'null', host: 'review.example.com' }, PUBLIC_URL)).toBe('null');
  });

  it('falls back on Sec-Fetch-Site when there is no Origin', () => {
    expect(foreignSite({ 'sec-fetch-site': 'cross-site' }, PUBLIC_URL)).toBe('a cross-site page');
    expect(foreignSite({ 'sec-fetch-site': 'same-site' }, PUBLIC_URL)).toBe('a same-site page');
    expect(foreignSite({ 'sec-fetch-site': 'same-origin' }, PUBLIC_URL)).toBeUndefined();
  });

  it('lets non-browser callers, which send neither header, through', () => {
    expect(foreignSite({ host: 'review.example.com' }, PUBLIC_URL)).toBeUndefined();
  });
});
