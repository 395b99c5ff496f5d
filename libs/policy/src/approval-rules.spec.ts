import { projectRoles } from '@cutroom/contracts';
import {
  decisionCounts,
  effectiveApprovers,
  eligibleApprovers,
  ineligibleApprovers,
  mayChooseApprovers,
  mayDecide,
  mayMarkAddressed,
} from './approval-rules';

describe('who may decide and choose approvers', () => {
  it('owners, editors and reviewers decide; viewers only watch', () => {
    expect(projectRoles.filter(mayDecide)).toEqual(['owner', 'editor', 'reviewer']);
  });

  it('only owners and editors choose the required approvers', () => {
    expect(projectRoles.filter(mayChooseApprovers)).toEqual(['owner', 'editor']);
  });
});

describe('which decisions on record count toward the state', () => {
  it('a member’s counts while their role decides; a removed or demoted member’s does not', () => {
    expect(decisionCounts({ memberRole: 'reviewer', guest: false })).toBe(true);
    expect(decisionCounts({ memberRole: 'viewer', guest: false })).toBe(false);
    expect(decisionCounts({ memberRole: null, guest: false })).toBe(false);
  });

  it('a guest’s counts for good, whatever became of their link', () => {
    expect(decisionCounts({ memberRole: null, guest: true })).toBe(true);
  });
});

describe('who may mark a note addressed in the next version', () => {
  it('owners and editors mark anyone’s note', () => {
    expect(mayMarkAddressed({ userId: 'o', role: 'owner' }, 'someone')).toBe(true);
    expect(mayMarkAddressed({ userId: 'e', role: 'editor' }, 'someone')).toBe(true);
    expect(mayMarkAddressed({ userId: 'e', role: 'editor' }, null)).toBe(true);
    expect(mayMarkAddressed({ userId: 'o', role: 'owner' }, null)).toBe(true);
  });

  it('a reviewer marks only their own note', () => {
    expect(mayMarkAddressed({ userId: 'r', role: 'reviewer' }, 'r')).toBe(true);
    expect(mayMarkAddressed({ userId: 'r', role: 'reviewer' }, 'someone')).toBe(false);
    expect(mayMarkAddressed({ userId: 'r', role: 'reviewer' }, null)).toBe(false);
  });

  it('a viewer marks nothing, not even a note they wrote before being made a viewer', () => {
    expect(mayMarkAddressed({ userId: 'v', role: 'viewer' }, 'v')).toBe(false);
    expect(mayMarkAddressed({ userId: 'v', role: 'viewer' }, 'someone')).toBe(false);
  });
});

describe('who can be offered as a required approver', () => {
  it('offers only members who may decide, in their order', () => {
    const members = [{ role: 'owner' as const }, { role: 'viewer' as const }, { role: 'reviewer' as const }];
    expect(eligibleApprovers(members).map((m) => m.role)).toEqual(['owner', 'reviewer']);
  });
});

describe('required approvers in effect', () => {
  const members = [
    { userId: 'owner', role: 'owner' as const },
    { userId: 'client', role: 'reviewer' as const },
    { userId: 'watcher', role: 'viewer' as const },
  ];

  it('keeps listed members allowed to decide, in the list’s order', () => {
    expect(effectiveApprovers(['client', 'owner'], members)).toEqual(['client', 'owner']);
  });

  it('drops people who left the project or became viewers, and duplicates', () => {
    expect(effectiveApprovers(['gone', 'watcher', 'client', 'client'], members)).toEqual(['client']);
  });

  it('names who cannot be required: outsiders and viewers', () => {
    expect(ineligibleApprovers(['owner', 'gone', 'watcher'], members)).toEqual(['gone', 'watcher']);
    expect(ineligibleApprovers(['owner', 'client'], members)).toEqual([]);
  });
});
