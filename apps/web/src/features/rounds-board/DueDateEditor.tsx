import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { PAST_DUE_WARNING, isPastLocalInput, toLocalInput } from './board-view';
import { useSetDueDate } from './rounds-board-queries';

/** Sets, moves or clears when a round is due (owners and editors). */
export function DueDateEditor({
  versionId,
  dueAt: current,
  cutName,
  onDone,
}: {
  versionId: string;
  dueAt: string | null;
  /** Names the field for a screen reader: "Due date of <cut>". */
  cutName: string;
  onDone: () => void;
}) {
  const [value, setValue] = useState(toLocalInput(current));
  // A date already past is set only once the editor has read what that does and confirmed it.
  const [warnedPast, setWarnedPast] = useState(false);
  const save = useSetDueDate();
  const submit = (dueAt: string | null) => save.mutate({ versionId, dueAt }, { onSuccess: onDone });
  return (
    <form
      className="due-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (!value) return;
        if (isPastLocalInput(value, Date.now()) && !warnedPast) return setWarnedPast(true);
        submit(new Date(value).toISOString());
      }}
    >
      <label>
        <span className="visually-hidden">Due date of {cutName}</span>
        <input
          type="datetime-local"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setWarnedPast(false);
          }}
          required
        />
      </label>
      <button type="submit" className="button button-small" disabled={save.isPending}>
        {warnedPast ? 'Set it anyway' : 'Save'}
      </button>
      {current !== null && (
        <button type="button" className="button button-small" onClick={() => submit(null)}>
          Clear
        </button>
      )}
      <button type="button" className="button button-small" onClick={onDone}>
        Cancel
      </button>
      {warnedPast && (
        <p className="form-alert" role="alert">
          {PAST_DUE_WARNING}
        </p>
      )}
      {save.isError && (
        <p className="form-alert" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </form>
  );
}
