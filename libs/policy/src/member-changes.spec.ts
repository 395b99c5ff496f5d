import type { Member, ProjectRole } from '@cutroom/contracts';
import { isOnlyOwner, refuseMemberChange } from './member-changes';

describe('member changes', () => {
  const member = (userId: string, role: ProjectRole) => ({ userId, role });

  it('a reviewer cannot change someone else’s role', () => {
    expect(
      refuseMemberChange({
        actor: member('a', 'reviewer'),
        target: member('b', 'viewer'),
        newRole: 'editor',
        ownerCount: 1,
      }),
    ).toBe('not_allowed');
  });

  it('anyone may leave, except the last owner', () => {
    expect(
      refuseMemberChange({
        actor: member('a', 'viewer'),
        target: member('a', 'viewer'),
        newRole: null,
        ownerCount: 1,
      }),
    ).toBeUndefined();
    expect(
      refuseMemberChange({
        actor: member('a', 'owner'),
        target: member('a', 'owner'),
        newRole: null,
        ownerCount: 1,
      }),
    ).toBe('last_owner');
    expect(
      refuseMemberChange({
        actor: member('a', 'owner'),
        target: member('a', 'owner'),
        newRole: null,
        ownerCount: 2,
      }),
    ).toBeUndefined();
  });

  it('a non-owner cannot promote themselves', () => {
    expect(
      refuseMemberChange({
        actor: member('a', 'editor'),
        target: member('a', 'editor'),
        newRole: 'owner',
        ownerCount: 1,
      }),
    ).toBe('not_allowed');
  });

  it('the last owner cannot be demoted, another owner can', () => {
    expect(
      refuseMemberChange({
        actor: member('a', 'owner'),
        target: member('a', 'owner'),
        newRole: 'editor',
        ownerCount: 1,
      }),
    ).toBe('last_owner');
    expect(
      refuseMemberChange({
        actor: member('a', 'owner'),
        target: member('b', 'owner'),
        newRole: 'editor',
        ownerCount: 2,
      }),
    ).toBeUndefined();
  });
});

describe('the only owner', () => {
  const member = (id: string, role: ProjectRole): Member => ({
    user: { id, email: `${id}@example.com`, displayName: id },
    role,
    addedAt: '2025-01-01T00:00:00.000Z',
  });

  it('is the owner when nobody else owns the project', () => {
    expect(isOnlyOwner([member('ana', 'owner'), member('ben', 'editor')], 'ana')).toBe(true);
  });

  it('is no longer alone once a second owner is added', () => {
    expect(isOnlyOwner([member('ana', 'owner'), member('ben', 'owner')], 'ana')).toBe(false);
  });

  it('is never someone who is not an owner', () => {
    expect(isOnlyOwner([member('ana', 'owner'), member('ben', 'editor')], 'ben')).toBe(false);
  });
});
