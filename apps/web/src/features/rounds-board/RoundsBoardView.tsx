import type { ApprovalState, RoundsBoard } from '@cutroom/contracts';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useStoredChoice } from '../../lib/use-stored-choice';
import {
  type BoardFilters,
  type BoardSortKey,
  boardSortKeys,
  nextRowIndex,
  filterRows,
  groupByState,
  noFilters,
  sortRows,
  stateLabels,
  stateOrder,
} from './board-view';
import { boardAt, useDueClock } from './due-clock';
import { RoundsBoardHeader } from './RoundsBoardHeader';
import { RoundsBoardRow } from './RoundsBoardRow';
import './rounds-board.css';

const sortLabels: Record<BoardSortKey, string> = {
  attention: 'Needs attention',
  due: 'Due date',
  activity: 'Last activity',
  name: 'Name',
  notes: 'Notes to address',
};

/**
 * Arrow keys move between the rows' links across every group; Home and End go to the first and
 * last. Listened for around all the board's tables, so a group's end is no wall.
 */
function moveBetweenRows(event: KeyboardEvent<HTMLElement>) {
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
  const next = nextRowIndex(
    event.key,
    links.indexOf(document.activeElement as HTMLAnchorElement),
    links.length,
  );
  if (next === null) return;
  event.preventDefault();
  links[next]?.focus();
}

function Table({
  rows,
  caption,
  showProject,
  canSetDue,
}: {
  rows: RoundsBoard['rows'];
  caption: string;
  showProject: boolean;
  canSetDue: boolean;
}) {
  return (
    <table className="board-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Cut</th>
          <th scope="col">Round</th>
          <th scope="col">State</th>
          <th scope="col">Approvals</th>
          <th scope="col">Notes to address</th>
          <th scope="col">Due</th>
          <th scope="col">Last activity</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <RoundsBoardRow key={row.assetId} row={row} showProject={showProject} canSetDue={canSetDue} />
        ))}
      </tbody>
    </table>
  );
}

/** The board: its header, then the cuts, filtered, sorted and grouped as the reader chooses. */
export function RoundsBoardView({
  board: served,
  receivedAt,
  storageKey,
  showProject,
  canSetDue,
}: {
  board: RoundsBoard;
  /** When this browser received the board (its clock): with `asOf`, how far the server's clock is ahead. */
  receivedAt: number;
  /** Where the reader's sort and grouping are remembered in this browser. */
  storageKey: string;
  showProject: boolean;
  canSetDue: boolean;
}) {
  // Overdue as it stands now, re-read the moment the next due date passes.
  const nowMs = useDueClock(
    served.rows.map((row) => row.dueAt),
    Date.parse(served.asOf) - receivedAt,
  );
  const board = useMemo(() => boardAt(served, new Date(nowMs)), [served, nowMs]);
  const [filters, setFilters] = useState<BoardFilters>(noFilters);
  const [sortKey, setSortKey] = useStoredChoice<BoardSortKey>(
    `${storageKey}:sort`,
    boardSortKeys,
    'attention',
  );
  const [grouping, setGrouping] = useStoredChoice(`${storageKey}:group`, ['state', 'none'] as const, 'state');
  const grouped = grouping === 'state';
  const rows = useMemo(
    () => sortRows(filterRows(board.rows, filters), sortKey),
    [board.rows, filters, sortKey],
  );
  const toggle = (key: 'mine' | 'waitingOnMe' | 'overdue') =>
    setFilters({ ...filters, [key]: !filters[key] });
  return (
    <>
      <RoundsBoardHeader header={board.header} />
      <div className="rounds-controls" role="group" aria-label="Filter and sort">
        <label>
          <input type="checkbox" checked={filters.mine} onChange={() => toggle('mine')} /> Mine
        </label>
        <label>
          <input type="checkbox" checked={filters.waitingOnMe} onChange={() => toggle('waitingOnMe')} />{' '}
          Waiting on me
        </label>
        <label>
          <input type="checkbox" checked={filters.overdue} onChange={() => toggle('overdue')} /> Overdue
        </label>
        <label>
          State{' '}
          <select
            value={filters.state ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, state: (e.target.value || null) as ApprovalState | null })
            }
          >
            <option value="">Any</option>
            {stateOrder.map((state) => (
              <option key={state} value={state}>
                {stateLabels[state]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by{' '}
          <select value={sortKey} onChange={(e) => setSortKey(e.target.value as BoardSortKey)}>
            {boardSortKeys.map((key) => (
              <option key={key} value={key}>
                {sortLabels[key]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={grouped} onChange={() => setGrouping(grouped ? 'none' : 'state')} />{' '}
          Group by state
        </label>
      </div>
      <div className="rounds-tables" onKeyDown={moveBetweenRows}>
        {rows.length === 0 ? (
          <p className="rounds-empty" role="status">
            {board.rows.length === 0
              ? 'No cut has a version ready for review yet.'
              : 'No cut matches these filters.'}
          </p>
        ) : grouped ? (
          groupByState(rows).map((group) => (
            <section key={group.state} className="rounds-group" data-testid={`rounds-group-${group.state}`}>
              <Table
                rows={group.rows}
                caption={`${stateLabels[group.state]} (${group.rows.length})`}
                showProject={showProject}
                canSetDue={canSetDue}
              />
            </section>
          ))
        ) : (
          <Table
            rows={rows}
            caption={`Cuts (${rows.length})`}
            showProject={showProject}
            canSetDue={canSetDue}
          />
        )}
      </div>
    </>
  );
}
