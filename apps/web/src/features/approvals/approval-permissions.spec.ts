import type { ProjectRole } from '@cutroom/contracts';
import {
  decisionBlocker,
  eligibleApprovers,
  mayChooseApprovers,
  mayDecide,
  mayMarkAddressed,
} from './approval-permissions';

const me = '00000000-0000-4000-8000-00000000000a';
const someoneElse = '00000000-0000-4000-8000-00000000000b';

describe('who may do what with approvals', () => {
  it('lets owners, editors and reviewers decide, and never a viewer', () => {
    const roles: ProjectRole[] = ['owner', 'editor', 'reviewer', 'viewer'];
    expect(roles.filter(mayDecide)).toEqual(['owner', 'editor', 'reviewer']);
  });

  it('lets only owners and editors choose the required approvers', () => {
    expect(mayChooseApprovers('owner')).toBe(true);
    expect(mayChooseApprovers('editor')).toBe(true);
    expect(mayChooseApprovers('reviewer')).toBe(false);
    expect(mayChooseApprovers('viewer')).toBe(false);
  });

  it('lets the note’s author, an editor or an owner mark it addressed', () => {
    expect(mayMarkAddressed('editor', me, someoneElse)).toBe(true);
    expect(mayMarkAddressed('owner', me, null)).toBe(true);
    expect(mayMarkAddressed('reviewer', me, me)).toBe(true);
    expect(mayMarkAddressed('reviewer', me, someoneElse)).toBe(false);
    expect(mayMarkAddressed('viewer', me, me)).toBe(false);
  });

  it('offers only members who may decide as approvers', () => {
    const members = [{ role: 'owner' as const }, { role: 'viewer' as const }, { role: 'reviewer' as const }];
    expect(eligibleApprovers(members).map((m) => m.role)).toEqual(['owner', 'reviewer']);
  });
});

describe('when a decision can be made', () => {
  it('only on the newest version', () => {
    expect(decisionBlocker({ number: 1, status: 'ready', playable: true }, 2)).toBe(
      'v1 has been replaced by v2: decisions are made on the newest version.',
    );
  });

  it('only once the version can be watched', () => {
    expect(decisionBlocker({ number: 2, status: 'processing', playable: false }, 2)).toMatch(
      /^v2 cannot be watched yet/,
    );
    expect(decisionBlocker({ number: 2, status: 'processing', playable: true }, 2)).toBeNull();
    expect(decisionBlocker({ number: 2, status: 'ready', playable: false }, 2)).toBeNull();
  });
});
