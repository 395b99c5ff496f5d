import { versionStatuses } from '@cutroom/contracts';
import { guestMaySeeVersion } from './version-visibility';

describe('which versions a review-link guest sees', () => {
  it('only ready ones: never uploading, queued, processing or failed', () => {
    expect(versionStatuses.filter(guestMaySeeVersion)).toEqual(['ready']);
  });
});
