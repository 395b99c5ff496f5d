import { mayMoveAsset, moveTargets } from './asset-move';

const A = 'project-a';
const B = 'project-b';

describe('who may move a cut to another project', () => {
  it('an owner or editor of both projects may', () => {
    for (const fromRole of ['owner', 'editor'] as const)
      for (const toRole of ['owner', 'editor'] as const)
        expect(mayMoveAsset({ fromRole, toRole, fromProjectId: A, toProjectId: B })).toBe('ok');
  });

  it('a reviewer or viewer of the cut’s project may not, whatever they are in the target', () => {
    for (const fromRole of ['reviewer', 'viewer'] as const)
      expect(mayMoveAsset({ fromRole, toRole: 'owner', fromProjectId: A, toProjectId: B })).toBe(
        'not_allowed_here',
      );
  });

  it('a guest never moves a cut, even with every link permission', () => {
    const fromRole = { guest: ['view', 'comment', 'approve', 'download'] as const };
    expect(mayMoveAsset({ fromRole, toRole: 'owner', fromProjectId: A, toProjectId: B })).toBe(
      'not_allowed_here',
    );
  });

  it('an editor here who only reviews or views the target may not add the cut there', () => {
    for (const toRole of ['reviewer', 'viewer'] as const)
      expect(mayMoveAsset({ fromRole: 'editor', toRole, fromProjectId: A, toProjectId: B })).toBe(
        'not_allowed_there',
      );
  });

  it('a project the mover is not in reads as none, after their role here is checked', () => {
    expect(mayMoveAsset({ fromRole: 'editor', toRole: null, fromProjectId: A, toProjectId: B })).toBe(
      'no_such_target',
    );
    expect(mayMoveAsset({ fromRole: 'viewer', toRole: null, fromProjectId: A, toProjectId: B })).toBe(
      'not_allowed_here',
    );
  });

  it('moving a cut to the project it is in is refused as such', () => {
    expect(mayMoveAsset({ fromRole: 'owner', toRole: 'owner', fromProjectId: A, toProjectId: A })).toBe(
      'same_project',
    );
  });

  it('the picker lists only other projects where the mover may add cuts', () => {
    const projects = [
      { id: A, role: 'owner' as const },
      { id: B, role: 'editor' as const },
      { id: 'c', role: 'reviewer' as const },
      { id: 'd', role: 'viewer' as const },
      { id: 'e', role: 'owner' as const },
    ];
    expect(moveTargets(projects, A).map((p) => p.id)).toEqual([B, 'e']);
  });
});
