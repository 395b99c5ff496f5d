import { useId } from 'react';

/** The link option that shows guests the team's activity: off by default, explained where it is chosen. */
export function TeamActivityOption({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = useId();
  return (
    <div className="field">
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />{' '}
        Show guests the team’s activity
      </label>
      <p className="field-hint" id={hintId}>
        Who of the team is watching and typing, the revision rounds and the team’s decision notes. Off, guests
        see the notes and decisions meant for them. Internal notes never show.
      </p>
    </div>
  );
}
