import { projectRoles, type ProjectRole } from '@cutroom/contracts';
import { can, refuseMemberChange } from './project-policy.js';

describe('project permissions', () => {
  it('let only owners delete a project or manage members', () => {
    const managers = projectRoles.filter((role) => can(role, 'members.manage'));
    const deleters = projectRoles.filter((role) => can(role, 'project.delete'));
    expect(managers).toEqual(['owner']);
    expect(deleters).toEqual(['owner']);
  });

  it('let owners and editors upload, but not reviewers or viewers', () => {
    expect(projectRoles.filter((role) => can(role, 'assets.upload'))).toEqual(['owner', 'editor']);
  });

  it('let every member see the project but viewers not comment', () => {
    expect(projectRoles.every((role) => can(role, 'project.view'))).toBe(true);
    expect(can('viewer', 'comments.write')).toBe(false);
    expect(can('reviewer', 'comments.write')).toBe(true);
  });
});

describe('guest permissions', () => {
  it('a guest only views unless the link grants commenting, approving or downloading', () => {
    const viewOnly = { guest: ['view'] as const };
    expect(can(viewOnly, 'project.view')).toBe(true);
    expect(can(viewOnly, 'comments.write')).toBe(false);
    expect(can(viewOnly, 'approvals.decide')).toBe(false);
    expect(can(viewOnly, 'media.download')).toBe(false);
    expect(can({ guest: ['view', 'comment'] }, 'comments.write')).toBe(true);
    expect(can({ guest: ['view', 'approve'] }, 'approvals.decide')).toBe(true);
    expect(can({ guest: ['view', 'download'] }, 'media.download')).toBe(true);
  });

  it('no link makes a guest see internal notes, manage the project, upload or make links', () => {
    const everything = { guest: ['view', 'comment', 'approve', 'download'] as const };
    for (const action of [
      'comments.internal',
      'assets.upload',
      'assets.manage',
      'members.view',
      'members.manage',
      'project.rename',
      'project.delete',
      'links.manage',
    ] as const) {
      expect([action, can(everything, action)]).toEqual([action, false]);
    }
  });

  it('every member may see internal notes; only owners and editors make review links', () => {
    expect(projectRoles.every((role) => can(role, 'comments.internal'))).toBe(true);
    expect(projectRoles.filter((role) => can(role, 'links.manage'))).toEqual(['owner', 'editor']);
  });
});

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
