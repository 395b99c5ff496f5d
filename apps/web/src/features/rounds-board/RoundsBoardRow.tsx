import type { RoundsBoardRow as Row } from '@cutroom/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../../lib/RelativeTime';
import { formatDateTime } from '../../lib/dates';
import { approvalCount, stateLabels, waitingOn } from './board-view';
import { DueDateEditor } from './DueDateEditor';

/** One cut: its round, where it stands, who it waits on, what is left, when it is due. */
export function RoundsBoardRow({
  row,
  showProject,
  canSetDue,
}: {
  row: Row;
  showProject: boolean;
  canSetDue: boolean;
}) {
  const [editingDue, setEditingDue] = useState(false);
  const toAddress = row.notes.carriedOver + row.notes.new;
  return (
    <tr
      className={row.overdue ? 'rounds-row rounds-row-overdue' : 'rounds-row'}
      data-testid="rounds-row"
      data-asset-id={row.assetId}
      data-state={row.state}
    >
      <th scope="row">
        {/* Opens the cut at the round shown: its newest ready version. */}
        {/* A long name is cut short with its whole text on hover; the table keeps its width. */}
        <Link
          to={`/assets/${row.assetId}?version=${row.version.number}`}
          data-row-link
          className="rounds-name"
          title={row.assetName}
        >
          {row.assetName}
        </Link>
        {showProject && (
          <span className="rounds-project" title={row.projectName}>
            {row.projectName}
          </span>
        )}
      </th>
      <td>
        v{row.version.number}
        <span className="rounds-round"> · round {row.version.round}</span>
        {row.newerVersion && (
          <span className="rounds-newer">
            v{row.newerVersion.number} {row.newerVersion.status === 'failed' ? 'failed' : 'on its way'}
          </span>
        )}
      </td>
      <td>
        <span className={`approval-badge approval-${row.state}`} data-testid="rounds-state">
          {stateLabels[row.state]}
        </span>
        {row.waitingOnMe && <span className="rounds-mine">Waiting on you</span>}
      </td>
      <td>
        <span>{approvalCount(row)}</span>
        {row.pending.length > 0 && (
          <span className="rounds-pending" data-testid="rounds-pending">
            {waitingOn(row)}
          </span>
        )}
      </td>
      <td data-testid="rounds-notes">
        {toAddress === 0 ? (
          'None'
        ) : (
          <span title={`${row.notes.carriedOver} carried over, ${row.notes.new} new`}>
            {toAddress} ({row.notes.carriedOver} carried over, {row.notes.new} new)
          </span>
        )}
      </td>
      <td data-testid="rounds-due">
        {editingDue ? (
          <DueDateEditor
            versionId={row.version.id}
            dueAt={row.dueAt}
            cutName={row.assetName}
            onDone={() => setEditingDue(false)}
          />
        ) : (
          <>
            {row.dueAt ? <time dateTime={row.dueAt}>{formatDateTime(row.dueAt)}</time> : '—'}
            {row.overdue && <strong className="rounds-overdue">Overdue</strong>}
            {canSetDue && (
              <button
                type="button"
                className="button button-small"
                onClick={() => setEditingDue(true)}
                aria-label={`${row.dueAt ? 'Change' : 'Set'} due date of ${row.assetName}`}
              >
                {row.dueAt ? 'Change' : 'Set'}
              </button>
            )}
          </>
        )}
      </td>
      <td>
        <RelativeTime iso={row.lastActivityAt} />
      </td>
    </tr>
  );
}
