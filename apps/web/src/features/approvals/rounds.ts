import type { Round } from '@cutroom/contracts';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "4 notes · 1 still open · 2 addressed in v3 · 1 resolved". */
export function describeRoundNotes(round: Round, nextVersionNumber: number | null): string {
  const { total, open, addressed, stillOpen } = round.notes;
  if (total === 0) return 'No notes';
  const parts = [count(total, 'note', 'notes'), `${stillOpen} still open`];
  if (addressed > 0 && nextVersionNumber !== null)
    parts.push(`${addressed} addressed in v${nextVersionNumber}`);
  if (total - open > 0) parts.push(`${total - open} resolved`);
  return parts.join(' · ');
}

/** "2 approved · 1 requested changes", from each person's standing decision in the round. */
export function describeRoundDecisions(round: Round): string {
  const decisions = round.approval.decisions;
  if (decisions.length === 0) return 'No decisions';
  const approved = decisions.filter((decision) => decision.decision === 'approved').length;
  const changes = decisions.length - approved;
  const parts: string[] = [];
  if (approved > 0) parts.push(`${approved} approved`);
  if (changes > 0) parts.push(`${changes} requested changes`);
  return parts.join(' · ');
}

/** The version after each round's, for "addressed in vN+1" (rounds come newest first). */
export function nextVersionNumbers(rounds: readonly Round[]): Map<string, number | null> {
  const byNumber = [...rounds].sort((a, b) => a.versionNumber - b.versionNumber);
  return new Map(
    byNumber.map((round, index) => [round.versionId, byNumber[index + 1]?.versionNumber ?? null]),
  );
}

/** The cut's round history as CSV; without internal notes (`?internal=false`), as the notes exports take it. */
export function roundHistoryHref(assetId: string, includeInternal: boolean): string {
  const path = `/api/assets/${encodeURIComponent(assetId)}/round-history`;
  return includeInternal ? path : `${path}?internal=false`;
}
