import type { Version } from '@cutroom/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { useRounds } from './approval-queries';
import { ApprovalBadge } from './ApprovalBadge';
import { describeRoundDecisions, describeRoundNotes, nextVersionNumbers, roundHistoryHref } from './rounds';

/**
 * One line per revision round (version): its notes, what is still open, and its decisions; for the
 * team (`exportable`), the whole history as a CSV file.
 */
export function RoundsSummary({
  assetId,
  current,
  exportable = false,
}: {
  assetId: string;
  current: Version;
  exportable?: boolean;
}) {
  const rounds = useRounds(assetId);
  const [includeInternal, setIncludeInternal] = useState(true);
  const next = nextVersionNumbers(rounds.data ?? []);

  return (
    <section className="panel rounds-summary" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">Revision rounds</h2>
      {rounds.error && (
        <p className="form-alert" role="alert">
          {describeError(rounds.error)}
        </p>
      )}
      {!rounds.data && !rounds.error && <p role="status">Loading rounds…</p>}
      {rounds.data && (
        <table className="rounds-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Notes</th>
              <th scope="col">Decisions</th>
            </tr>
          </thead>
          <tbody>
            {rounds.data.map((round) => (
              <tr
                key={round.versionId}
                data-testid="round"
                data-version={round.versionNumber}
                aria-current={round.versionId === current.id ? 'true' : undefined}
              >
                <td>
                  <Link to={`?version=${round.versionNumber}`}>v{round.versionNumber}</Link>
                </td>
                <td data-testid="round-notes">
                  {describeRoundNotes(round, next.get(round.versionId) ?? null)}
                </td>
                <td>
                  <ApprovalBadge approval={round.approval} />
                  <div className="muted">{describeRoundDecisions(round)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {exportable && (
        <p className="round-history-export">
          <a href={roundHistoryHref(assetId, includeInternal)} download data-testid="round-history-csv">
            Export round history (CSV)
          </a>{' '}
          <label>
            <input
              type="checkbox"
              checked={includeInternal}
              onChange={(event) => setIncludeInternal(event.target.checked)}
            />{' '}
            Include internal notes in the CSV
          </label>
        </p>
      )}
    </section>
  );
}
