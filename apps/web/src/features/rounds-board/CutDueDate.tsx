import './rounds-board.css';
import type { Version } from '@cutroom/contracts';
import { isOverdue } from '@cutroom/policy';
import { useState } from 'react';
import { formatDateTime } from '../../lib/dates';
import { OnDemand, onDemand } from '../../lib/on-demand';
import { useVersionApproval } from '../approvals/approval-queries';
import { useDueClock } from './due-clock';
import { useDueDate } from './rounds-board-queries';

/** The editor is fetched when someone sets or moves the date, not with every cut's page. */
const DueDateEditor = onDemand(async () => (await import('./DueDateEditor')).DueDateEditor);

/**
 * On a cut's page, for the team: when the round shown is due, marked when it is overdue, and, for
 * those who run the cut, setting, moving or clearing it. Live: a change anyone makes shows here.
 * An earlier round (a newer version is ready) only says when it was due: it is overdue no more.
 */
export function CutDueDate({
  assetId,
  cutName,
  version,
  current,
  canSet,
}: {
  assetId: string;
  cutName: string;
  version: Version;
  /** The version shown is the round under review (the cut's newest ready version). */
  current: boolean;
  canSet: boolean;
}) {
  const due = useDueDate(version.id);
  const approval = useVersionApproval(assetId, version.id);
  const [editing, setEditing] = useState(false);
  const dueAt = due.data?.dueAt ?? null;
  // Re-read the moment the date passes: the round turns overdue on screen as it does.
  const nowMs = useDueClock([dueAt]);
  if (editing) {
    return (
      <div className="cut-due" data-testid="cut-due">
        <OnDemand what="The due date editor" loading={<span>Loading…</span>}>
          <DueDateEditor
            versionId={version.id}
            dueAt={dueAt}
            cutName={cutName}
            onDone={() => setEditing(false)}
          />
        </OnDemand>
      </div>
    );
  }
  if (!current) {
    return dueAt === null ? null : (
      <div className="cut-due" data-testid="cut-due">
        <span>
          Was due <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
        </span>
      </div>
    );
  }
  if (dueAt === null && !canSet) return null;
  const overdue = approval.data !== undefined && isOverdue(dueAt, approval.data.state, new Date(nowMs));
  return (
    <div className="cut-due" data-testid="cut-due">
      {dueAt !== null && (
        <span>
          Due <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
        </span>
      )}
      {overdue && <strong className="rounds-overdue">Overdue</strong>}
      {canSet && (
        <button type="button" className="button button-small" onClick={() => setEditing(true)}>
          {dueAt === null ? 'Set due date' : 'Change due date'}
        </button>
      )}
    </div>
  );
}
