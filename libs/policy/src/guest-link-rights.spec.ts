import type { GuestAccess } from '@cutroom/contracts';
import { guestRights, memberRights } from './guest-link-rights';

const guest = (permissions: GuestAccess['permissions']): GuestAccess => ({
  linkId: '00000000-0000-4000-8000-000000000001',
  projectId: '00000000-0000-4000-8000-000000000002',
  permissions,
  expiresAt: null,
  showTeamActivity: false,
});

describe('what the review page offers', () => {
  it('a view-only guest watches: no writing, no deciding, no download, no internal notes', () => {
    expect(guestRights(guest(['view']))).toEqual({
      commentRole: 'viewer',
      decisionRole: 'viewer',
      canDownload: false,
      canPostInternal: false,
      isGuest: true,
    });
  });

  it('a guest comments, approves and downloads only as their link grants', () => {
    expect(guestRights(guest(['view', 'comment'])).commentRole).toBe('reviewer');
    expect(guestRights(guest(['view', 'comment'])).decisionRole).toBe('viewer');
    expect(guestRights(guest(['view', 'approve'])).decisionRole).toBe('reviewer');
    expect(guestRights(guest(['view', 'approve'])).commentRole).toBe('viewer');
    expect(guestRights(guest(['view', 'download'])).canDownload).toBe(true);
  });

  it('never gives a guest more than a reviewer, whatever the link grants', () => {
    const all = guestRights(guest(['view', 'comment', 'approve', 'download']));
    expect([all.commentRole, all.decisionRole, all.canPostInternal]).toEqual(['reviewer', 'reviewer', false]);
  });

  it('a member keeps their project role for everything', () => {
    expect(memberRights('editor')).toMatchObject({
      commentRole: 'editor',
      decisionRole: 'editor',
      isGuest: false,
    });
    expect(memberRights(null).commentRole).toBeNull();
  });
});
