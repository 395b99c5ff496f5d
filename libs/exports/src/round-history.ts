import { csvField } from './csv';

/** One revision round of a cut, as its history reads. */
export interface HistoryRound {
  versionNumber: number;
  /** When the version went out (ready to watch), ISO 8601. */
  wentOutAt: string;
  /** Where the round stands now (or stood when the next version replaced it). */
  state: string;
  /** Notes (threads) raised on this round. */
  notesRaised: number;
  /** Of them, left open and marked addressed in the next round. */
  notesAddressed: number;
  /** Open and not addressed. */
  notesStillOpen: number;
  /** When it was approved, ISO 8601; null while not. */
  approvedAt: string | null;
  dueAt: string | null;
  /** Every decision made on it, oldest first. */
  decisions: { by: string; decision: string; at: string; note: string | null; internalNote: string | null }[];
}

export const ROUND_HISTORY_COLUMNS = [
  'round',
  'version',
  'event',
  'who',
  'when',
  'state',
  'notes raised',
  'notes addressed in next round',
  'notes still open',
  'due',
  'hours to approval',
  'note',
  'internal note',
] as const;

const decisionWords: Record<string, string> = {
  approved: 'approved',
  changes_requested: 'requested changes',
};

/**
 * A cut's round history as CSV: per round, a row for its version going out (with its notes and
 * the time it took to approve), then a row per decision in the order they were made. UTF-8 with
 * a byte-order mark; cells a spreadsheet would run as formulas are neutralised (see csvField).
 */
export function roundHistoryCsv(rounds: readonly HistoryRound[]): string {
  const rows: (string | number)[][] = [[...ROUND_HISTORY_COLUMNS]];
  rounds.forEach((round, index) => {
    const hours =
      round.approvedAt === null
        ? ''
        : ((Date.parse(round.approvedAt) - Date.parse(round.wentOutAt)) / 3_600_000).toFixed(1);
    rows.push([
      index + 1,
      `v${round.versionNumber}`,
      'went out',
      '',
      round.wentOutAt,
      round.state,
      round.notesRaised,
      round.notesAddressed,
      round.notesStillOpen,
      round.dueAt ?? '',
      hours,
      '',
      '',
    ]);
    for (const decision of round.decisions) {
      rows.push([
        index + 1,
        `v${round.versionNumber}`,
        decisionWords[decision.decision] ?? decision.decision,
        decision.by,
        decision.at,
        '',
        '',
        '',
        '',
        '',
        '',
        decision.note ?? '',
        decision.internalNote ?? '',
      ]);
    }
  });
  return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
