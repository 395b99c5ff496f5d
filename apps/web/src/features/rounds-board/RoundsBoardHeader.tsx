import type { RoundsBoardHeader as Header } from '@cutroom/contracts';
import { formatSpan, stateLabels, stateOrder } from './board-view';

/** The producer's glance: cuts per state, how many are late, how long approval takes. */
export function RoundsBoardHeader({ header }: { header: Header }) {
  return (
    <dl className="rounds-header" aria-label="Project status">
      {stateOrder.map((state) => (
        <div key={state} className={`rounds-stat rounds-stat-${state}`} data-testid={`rounds-count-${state}`}>
          <dt>{stateLabels[state]}</dt>
          <dd>{header.counts[state]}</dd>
        </div>
      ))}
      <div className="rounds-stat rounds-stat-overdue" data-testid="rounds-count-overdue">
        <dt>Overdue</dt>
        <dd>{header.overdue}</dd>
      </div>
      <div className="rounds-stat">
        <dt>Median time to approval</dt>
        <dd>{header.medianSecondsToApproval === null ? '—' : formatSpan(header.medianSecondsToApproval)}</dd>
      </div>
      {header.notReady > 0 && (
        <div className="rounds-stat">
          <dt>Not ready yet</dt>
          <dd>{header.notReady}</dd>
        </div>
      )}
    </dl>
  );
}
