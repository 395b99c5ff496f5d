import { projectRoles, type ProjectRole } from '@cutroom/contracts';
import { can, type ProjectAction } from './role-matrix';

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

  it('exporting notes takes a link that allows downloads; every member may', () => {
    expect(can({ guest: ['view', 'comment', 'approve'] }, 'notes.export')).toBe(false);
    expect(can({ guest: ['view', 'download'] }, 'notes.export')).toBe(true);
    expect(can('viewer', 'notes.export')).toBe(true);
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

describe('what each role is offered in a project', () => {
  const offered = (role: ProjectRole) => {
    const actions: ProjectAction[] = [
      'project.rename',
      'project.delete',
      'members.manage',
      'assets.upload',
      'links.manage',
    ];
    return actions.filter((action) => can(role, action));
  };

  it('an owner can rename, delete, manage members, upload and share review links', () => {
    expect(offered('owner')).toEqual([
      'project.rename',
      'project.delete',
      'members.manage',
      'assets.upload',
      'links.manage',
    ]);
  });

  it('an editor can rename, upload and share review links but neither delete nor manage members', () => {
    expect(offered('editor')).toEqual(['project.rename', 'assets.upload', 'links.manage']);
  });

  it.each(['reviewer', 'viewer'] as const)('a %s can only look', (role) => {
    expect(offered(role)).toEqual([]);
  });
});
