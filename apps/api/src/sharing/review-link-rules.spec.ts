import { REVIEW_LINK_LABEL_MAX } from '@cutroom/contracts';
import { defaultLinkLabel, guestDisplayName, linkStatus } from './review-link-rules.js';

describe('review link status', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('is active until its expiry, and expired from that instant on', () => {
    const expiresAt = new Date('2026-11-25T12:00:01Z');
    expect(linkStatus({ revokedAt: null, expiresAt }, now)).toBe('active');
    expect(linkStatus({ revokedAt: null, expiresAt }, new Date('2026-11-25T12:00:01Z'))).toBe('expired');
    expect(linkStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
  });

  it('reads revoked even when it has also expired: revoked links are gone for good', () => {
    expect(linkStatus({ revokedAt: now, expiresAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe('revoked');
  });
});

describe('guest names', () => {
  it('say "(guest)" once, however the name was typed', () => {
    expect(guestDisplayName('  Ana Client ')).toBe('Ana Client (guest)');
    expect(guestDisplayName('Ana (guest)')).toBe('Ana (guest)');
  });
});

describe('a link label made for the maker', () => {
  it('names the project, the asset, or the first asset and how many more', () => {
    expect(defaultLinkLabel(null, 'Spring campaign')).toBe('Spring campaign');
    expect(defaultLinkLabel(['Hero cut'], 'Spring')).toBe('Hero cut');
    expect(defaultLinkLabel(['Hero cut', 'Teaser', 'Cutdown'], 'Spring')).toBe('Hero cut and 2 more');
  });

  it('fits the label column even for a long asset name', () => {
    const label = defaultLinkLabel(['x'.repeat(300), 'y'], 'Spring');
    expect(label.length).toBe(REVIEW_LINK_LABEL_MAX);
    expect(label.endsWith('… and 1 more')).toBe(true);
  });
});
