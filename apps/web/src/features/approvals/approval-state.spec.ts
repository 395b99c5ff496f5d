import type { Decision, VersionApproval } from '@cutroom/contracts';
import { describeApproval, listNames } from './approval-state';

const ann = { id: '00000000-0000-4000-8000-00000000000a', displayName: 'Ann Director' };
const bo = { id: '00000000-0000-4000-8000-00000000000b', displayName: 'Bo Producer' };

function decision(by: typeof ann, kind: Decision['decision']): Decision {
  return {
    id: `10000000-0000-4000-8000-${by.id.slice(-12)}`,
    versionId: '20000000-0000-4000-8000-000000000001',
    assetId: '30000000-0000-4000-8000-000000000001',
    decision: kind,
    note: null,
    byGuest: false,
    decidedBy: by,
    createdAt: '2025-06-01T12:00:00.000Z',
  };
}

function approval(change: Partial<VersionApproval>): VersionApproval {
  return {
    state: 'in_review',
    approvedCount: 0,
    requiredCount: 0,
    pendingIds: [],
    assetId: '30000000-0000-4000-8000-000000000001',
    versionId: '20000000-0000-4000-8000-000000000001',
    versionNumber: 1,
    current: true,
    rule: 'anyone',
    requiredApprovers: [],
    decisions: [],
    ...change,
  };
}

describe('saying where a round stands', () => {
  it('counts required approvers while in review and names who is still to decide', () => {
    const view = describeApproval(
      approval({
        rule: 'required',
        approvedCount: 1,
        requiredCount: 2,
        pendingIds: [bo.id],
        requiredApprovers: [ann, bo],
        decisions: [decision(ann, 'approved')],
      }),
    );
    expect(view).toEqual({
      state: 'in_review',
      label: 'In review 1 of 2',
      detail: '1 of 2 approved; waiting on Bo Producer.',
    });
  });

  it('says approved, and by whom when nobody is named', () => {
    expect(
      describeApproval(
        approval({ state: 'approved', approvedCount: 1, decisions: [decision(ann, 'approved')] }),
      ),
    ).toMatchObject({ label: 'Approved', detail: 'Approved by Ann Director.' });
    expect(
      describeApproval(
        approval({
          state: 'approved',
          rule: 'required',
          approvedCount: 2,
          requiredCount: 2,
          requiredApprovers: [ann, bo],
        }),
      ).detail,
    ).toBe('All 2 required approvers approved.');
  });

  it('names who asked for changes', () => {
    const view = describeApproval(
      approval({
        state: 'changes_requested',
        decisions: [decision(bo, 'changes_requested'), decision(ann, 'approved')],
      }),
    );
    expect(view).toMatchObject({ label: 'Changes requested', detail: 'Bo Producer requested changes.' });
  });

  it('waits on anyone when nobody is named and nobody decided', () => {
    expect(describeApproval(approval({})).label).toBe('In review');
  });

  it('calls an undecided round that a newer version replaced superseded, not in review', () => {
    expect(describeApproval(approval({ current: false })).label).toBe('Superseded');
    expect(describeApproval(approval({ current: false, state: 'approved' })).label).toBe('Approved');
  });

  it('lists names the way people write them', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['Ann'])).toBe('Ann');
    expect(listNames(['Ann', 'Bo'])).toBe('Ann and Bo');
    expect(listNames(['Ann', 'Bo', 'Cy'])).toBe('Ann, Bo and Cy');
  });
});
