import type { DecisionKind } from '@cutroom/contracts';
import { aggregateApproval, currentDecisions, type PersonDecision } from './approval-aggregation';

const approved = (userId: string): PersonDecision => ({ userId, decision: 'approved' });
const changes = (userId: string): PersonDecision => ({ userId, decision: 'changes_requested' });

describe('approval of a round with required approvers', () => {
  const required = ['director', 'client'];

  it('is in review, everyone pending, before anyone decides', () => {
    expect(aggregateApproval({ requiredApproverIds: required, currentDecisions: [] })).toEqual({
      state: 'in_review',
      approvedCount: 0,
      requiredCount: 2,
      pendingIds: ['director', 'client'],
    });
  });

  it('is in review with n of m while some required approvers have approved', () => {
    expect(
      aggregateApproval({ requiredApproverIds: required, currentDecisions: [approved('client')] }),
    ).toEqual({ state: 'in_review', approvedCount: 1, requiredCount: 2, pendingIds: ['director'] });
  });

  it('is approved when every required approver approved', () => {
    expect(
      aggregateApproval({
        requiredApproverIds: required,
        currentDecisions: [approved('client'), approved('director')],
      }),
    ).toEqual({ state: 'approved', approvedCount: 2, requiredCount: 2, pendingIds: [] });
  });

  it('asks for changes as soon as any required approver does, even with others pending', () => {
    expect(
      aggregateApproval({ requiredApproverIds: required, currentDecisions: [changes('director')] }),
    ).toEqual({ state: 'changes_requested', approvedCount: 0, requiredCount: 2, pendingIds: ['client'] });
  });

  it('lets a request for changes win over every approval', () => {
    expect(
      aggregateApproval({
        requiredApproverIds: ['a', 'b', 'c'],
        currentDecisions: [approved('a'), approved('b'), changes('c')],
      }),
    ).toMatchObject({ state: 'changes_requested', approvedCount: 2, requiredCount: 3, pendingIds: [] });
  });

  it('records but does not count decisions of people who are not required', () => {
    expect(
      aggregateApproval({
        requiredApproverIds: required,
        currentDecisions: [changes('intern'), approved('director'), approved('client')],
      }),
    ).toEqual({ state: 'approved', approvedCount: 2, requiredCount: 2, pendingIds: [] });
    expect(
      aggregateApproval({ requiredApproverIds: required, currentDecisions: [approved('intern')] }),
    ).toMatchObject({ state: 'in_review', approvedCount: 0 });
  });

  it('counts a required approver named twice once', () => {
    expect(aggregateApproval({ requiredApproverIds: ['a', 'a'], currentDecisions: [approved('a')] })).toEqual(
      { state: 'approved', approvedCount: 1, requiredCount: 1, pendingIds: [] },
    );
  });

  it('takes the first entry of a person, so a newest-first history can be passed whole', () => {
    const history = [approved('director'), changes('director'), approved('client')];
    expect(aggregateApproval({ requiredApproverIds: required, currentDecisions: history })).toMatchObject({
      state: 'approved',
    });
    const changedMind = [changes('director'), approved('director'), approved('client')];
    expect(aggregateApproval({ requiredApproverIds: required, currentDecisions: changedMind })).toMatchObject(
      { state: 'changes_requested', approvedCount: 1 },
    );
  });

  it('keeps pending approvers in the order they were listed', () => {
    expect(
      aggregateApproval({ requiredApproverIds: ['c', 'a', 'b'], currentDecisions: [approved('a')] })
        .pendingIds,
    ).toEqual(['c', 'b']);
  });

  it('does not depend on the order of the current decisions', () => {
    const decisions = [approved('a'), changes('b'), approved('c')];
    const forwards = aggregateApproval({ requiredApproverIds: ['a', 'b', 'c'], currentDecisions: decisions });
    const backwards = aggregateApproval({
      requiredApproverIds: ['a', 'b', 'c'],
      currentDecisions: [...decisions].reverse(),
    });
    expect(backwards).toEqual(forwards);
  });
});

describe('approval of a round with no required approvers', () => {
  it('is in review until someone decides, with nobody pending', () => {
    expect(aggregateApproval({ requiredApproverIds: [], currentDecisions: [] })).toEqual({
      state: 'in_review',
      approvedCount: 0,
      requiredCount: 0,
      pendingIds: [],
    });
  });

  it('is approved by one approval when nobody asked for changes', () => {
    expect(aggregateApproval({ requiredApproverIds: [], currentDecisions: [approved('a')] })).toEqual({
      state: 'approved',
      approvedCount: 1,
      requiredCount: 1,
      pendingIds: [],
    });
  });

  it('asks for changes when anyone who decided did', () => {
    expect(
      aggregateApproval({ requiredApproverIds: [], currentDecisions: [approved('a'), changes('b')] }),
    ).toEqual({ state: 'changes_requested', approvedCount: 1, requiredCount: 2, pendingIds: [] });
  });

  it('counts everyone who decided as required', () => {
    expect(
      aggregateApproval({
        requiredApproverIds: [],
        currentDecisions: [approved('a'), approved('b'), approved('c')],
      }),
    ).toEqual({ state: 'approved', approvedCount: 3, requiredCount: 3, pendingIds: [] });
  });

  it('follows a person who changed their mind', () => {
    expect(
      aggregateApproval({ requiredApproverIds: [], currentDecisions: [approved('a'), changes('a')] }),
    ).toMatchObject({ state: 'approved', requiredCount: 1 });
  });
});

describe('the whole truth table for two required approvers', () => {
  const options: (DecisionKind | undefined)[] = [undefined, 'approved', 'changes_requested'];
  const cases = options.flatMap((a) => options.map((b) => [a, b] as const));

  it.each(cases)('a: %s, b: %s', (a, b) => {
    const decisions = [
      ...(a ? [{ userId: 'a', decision: a }] : []),
      ...(b ? [{ userId: 'b', decision: b }] : []),
    ];
    const result = aggregateApproval({ requiredApproverIds: ['a', 'b'], currentDecisions: decisions });
    const expected =
      a === 'changes_requested' || b === 'changes_requested'
        ? 'changes_requested'
        : a === 'approved' && b === 'approved'
          ? 'approved'
          : 'in_review';
    expect(result.state).toBe(expected);
    expect(result.approvedCount).toBe([a, b].filter((d) => d === 'approved').length);
    expect(result.pendingIds).toEqual(
      [
        ['a', a],
        ['b', b],
      ]
        .filter(([, d]) => d === undefined)
        .map(([id]) => id),
    );
  });
});

describe('current decisions', () => {
  it('keeps each person’s newest decision from a newest-first history', () => {
    const history = [
      { userId: 'a', decision: 'approved' as const, id: 3 },
      { userId: 'b', decision: 'changes_requested' as const, id: 2 },
      { userId: 'a', decision: 'changes_requested' as const, id: 1 },
    ];
    expect(currentDecisions(history).map((d) => d.id)).toEqual([3, 2]);
  });

  it('is empty for an empty history', () => {
    expect(currentDecisions([])).toEqual([]);
  });
});
