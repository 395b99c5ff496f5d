import type { Member, ProjectRole } from '@cutroom/contracts';
import { isOnlyOwner, permissionsFor } from './permissions';

function member(id: string, role: ProjectRole): Member {
  return {
    user: { id, email: `${id}@example.com`, displayName: id },
    role,
    addedAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('what each role is offered in a project', () => {
  it('an owner can rename, delete, manage members, upload and share review links', () => {
    expect(permissionsFor('owner')).toEqual({
      canRename: true,
      canDelete: true,
      canManageMembers: true,
      canUpload: true,
      canShare: true,
    });
  });

  it('an editor can rename, upload and share review links but neither delete nor manage members', () => {
    expect(permissionsFor('editor')).toEqual({
      canRename: true,
      canDelete: false,
      canManageMembers: false,
      canUpload: true,
      canShare: true,
    });
  });

  it.each(['reviewer', 'viewer'] as const)('a %s can only look', (role) => {
    expect(permissionsFor(role)).toEqual({
      canRename: false,
      canDelete: false,
      canManageMembers: false,
      canUpload: false,
      canShare: false,
    });
  });
});

describe('the only owner', () => {
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
