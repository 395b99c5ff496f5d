import type { Decision, DecisionKind } from '@cutroom/contracts';

export const decisionLabels: Record<DecisionKind, string> = {
  approved: 'Approved',
  changes_requested: 'Requested changes',
};

/** Newest first, as the API lists them (ties broken by id, descending). */
function newestFirst(a: Decision, b: Decision): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The history with `decision` in it once: arriving from the API's answer and the socket is harmless. */
export function upsertDecision(history: readonly Decision[], decision: Decision): Decision[] {
  return [...history.filter((existing) => existing.id !== decision.id), decision].sort(newestFirst);
}

/** The histories of several versions as one, newest first. */
export function mergeHistories(histories: readonly (readonly Decision[])[]): Decision[] {
  const byId = new Map<string, Decision>();
  for (const history of histories) for (const decision of history) byId.set(decision.id, decision);
  return [...byId.values()].sort(newestFirst);
}

/** The person's own standing decision on a version, from its history (newest first). */
export function currentDecisionOf(history: readonly Decision[], userId: string): Decision | undefined {
  return history.find((decision) => decision.decidedBy?.id === userId);
}
