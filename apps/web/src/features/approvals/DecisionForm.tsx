import {
  DECISION_NOTE_MAX,
  type Decision,
  type DecisionKind,
  type RecordDecisionBody,
  type Version,
} from '@cutroom/contracts';
import { useId, useState } from 'react';
import { versionLabel } from '../assets/version-status';
import { useRecordDecision } from './approval-queries';

export function describeMine(decision: Decision | undefined, version: Pick<Version, 'number'>): string {
  if (!decision) return `You have not decided on ${versionLabel(version)} yet.`;
  return decision.decision === 'approved'
    ? `You approved ${versionLabel(version)}.`
    : `You requested changes on ${versionLabel(version)}.`;
}

/**
 * A decision being made: its optional note, a member's optional team-only note, and sending it
 * (deciding again adds to the history).
 */
export function useDecision(versionId: string) {
  const [note, setNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const record = useRecordDecision(versionId);
  const decide = (decision: DecisionKind) => {
    const body: RecordDecisionBody = { decision };
    if (note.trim() !== '') body.note = note.trim();
    if (internalNote.trim() !== '') body.internalNote = internalNote.trim();
    record.mutate(body, {
      onSuccess: () => {
        setNote('');
        setInternalNote('');
      },
    });
  };
  return {
    note,
    setNote,
    internalNote,
    setInternalNote,
    decide,
    pending: record.isPending,
    error: record.error,
  };
}
export type DecisionDraft = ReturnType<typeof useDecision>;

/** Approve or request changes: the buttons, in the page's header. */
export function DecisionButtons({ decision }: { decision: DecisionDraft }) {
  const withNote = decision.note.trim() !== '' || decision.internalNote.trim() !== '';
  return (
    <div className="decision-buttons">
      <button
        type="button"
        className="button button-small button-approve"
        data-testid="approve-button"
        disabled={decision.pending}
        title={withNote ? 'Approve, with your note' : undefined}
        onClick={() => decision.decide('approved')}
      >
        Approve
      </button>
      <button
        type="button"
        className="button button-small button-changes"
        data-testid="request-changes-button"
        disabled={decision.pending}
        title={withNote ? 'Request changes, with your note' : undefined}
        onClick={() => decision.decide('changes_requested')}
      >
        Request changes
      </button>
    </div>
  );
}

/** Where I stand, and the notes that go with my next decision (a team-only one for members). */
export function DecisionNote({
  version,
  mine,
  decision,
  team,
}: {
  version: Version;
  mine: Decision | undefined;
  decision: DecisionDraft;
  /** A member of the team (not a review-link guest): may add a note only the team sees. */
  team: boolean;
}) {
  const noteId = useId();
  const internalId = useId();
  return (
    <div className="decision-form">
      <p className="my-decision" data-testid="my-decision">
        {describeMine(mine, version)}
      </p>
      <label htmlFor={noteId}>Note (optional)</label>
      <textarea
        id={noteId}
        rows={2}
        value={decision.note}
        maxLength={DECISION_NOTE_MAX}
        placeholder="What to change, or why it is good to go; sent with Approve or Request changes"
        onChange={(event) => decision.setNote(event.target.value)}
      />
      {team && (
        <>
          <label htmlFor={internalId}>Internal, for the team only (optional)</label>
          <textarea
            id={internalId}
            rows={2}
            value={decision.internalNote}
            maxLength={DECISION_NOTE_MAX}
            placeholder="For the team: never shown to clients on a review link"
            onChange={(event) => decision.setInternalNote(event.target.value)}
          />
        </>
      )}
    </div>
  );
}
