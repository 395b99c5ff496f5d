import type { Version } from '@cutroom/contracts';
import { describeError } from '../../lib/api-client';
import { useDecisionHistory } from './approval-queries';
import { decisionLabels } from './decision-history';
import { RelativeTime } from '../../lib/RelativeTime';

/** Every decision on every version of the cut, newest first, live: changing one's mind adds a line. */
export function DecisionHistory({ assetId, versions }: { assetId: string; versions: readonly Version[] }) {
  const history = useDecisionHistory(
    assetId,
    versions.map((version) => version.id),
  );
  const numbers = new Map(versions.map((version) => [version.id, version.number]));

  return (
    <section className="panel decision-history" aria-labelledby="decision-history-heading">
      <h2 id="decision-history-heading">Decision history</h2>
      {history.error && (
        <p className="form-alert" role="alert">
          {describeError(history.error)}
        </p>
      )}
      {!history.decisions && !history.error && <p role="status">Loading decisions…</p>}
      {history.decisions?.length === 0 && (
        <p className="muted">Nobody has approved or requested changes yet.</p>
      )}
      <ol className="decision-history-list" aria-label="Decisions">
        {history.decisions?.map((decision) => (
          <li
            key={decision.id}
            className="decision-entry"
            data-testid="decision-entry"
            data-decision={decision.decision}
          >
            <div className="decision-entry-head">
              <strong>{decision.decidedBy?.displayName ?? 'A former member'}</strong>
              <span className={`approver-standing-${decision.decision}`}>
                {decisionLabels[decision.decision]}
              </span>
              <span className="badge">v{numbers.get(decision.versionId) ?? '?'}</span>
              <RelativeTime iso={decision.createdAt} />
            </div>
            {decision.note !== null && <p className="decision-note">{decision.note}</p>}
            {decision.internalNote && (
              <p className="decision-note decision-internal-note" data-testid="decision-internal-note">
                <span className="badge">Team only</span> {decision.internalNote}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
