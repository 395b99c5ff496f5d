import { DECISION_NOTE_MAX, type Decision, type DecisionKind, type Version } from '@cutroom/contracts';
import { useId, useState } from 'react';
import { describeError } from '../../lib/api-client';
import { versionLabel } from '../assets/version-status';
import { useRecordDecision } from './approval-queries';

function describeMine(decision: Decision | undefined, version: Pick<Version, 'number'>): string {
  if (!decision) return `You have not decided on ${versionLabel(version)} yet.`;
  return decision.decision === 'approved'
    ? `You approved ${versionLabel(version)}.`
    : `You requested changes on ${versionLabel(version)}.`;
}

/** Approve or request changes, with an optional note. Deciding again adds to the history. */
export function DecisionForm({ version, mine }: { version: Version; mine: Decision | undefined }) {
  const [note, setNote] = useState('');
  const record = useRecordDecision(version.id);
  const noteId = useId();
  const decide = (decision: DecisionKind) => {
    const trimmed = note.trim();
    record.mutate(trimmed === '' ? { decision } : { decision, note: trimmed }, {
      onSuccess: () => setNote(''),
    });
  };

  return (
    <div className="decision-form">
      <p className="my-decision" data-testid="my-decision">
        {describeMine(mine, version)}
      </p>
      <label htmlFor={noteId}>Note (optional)</label>
      <textarea
        id={noteId}
        rows={2}
        value={note}
        maxLength={DECISION_NOTE_MAX}
        placeholder="What to change, or why it is good to go"
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="decision-buttons">
        <button
          type="button"
          className="button button-small button-approve"
          data-testid="approve-button"
          disabled={record.isPending}
          onClick={() => decide('approved')}
        >
          Approve
        </button>
        <button
          type="button"
          className="button button-small button-changes"
          data-testid="request-changes-button"
          disabled={record.isPending}
          onClick={() => decide('changes_requested')}
        >
          Request changes
        </button>
      </div>
      {record.error && (
        <p className="form-alert" role="alert">
          {describeError(record.error)}
        </p>
      )}
    </div>
  );
}
