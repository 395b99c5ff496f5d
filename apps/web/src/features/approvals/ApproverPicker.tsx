import type { Member } from '@cutroom/contracts';
import { eligibleApprovers } from '@cutroom/policy';
import { useState, type ReactNode } from 'react';
import { roleLabels } from '../projects/roles';

interface ApproverPickerProps {
  legend: string;
  members: readonly Member[];
  /** Who is ticked to begin with. */
  initial: readonly string[];
  saving: boolean;
  onSave: (userIds: string[]) => void;
  onCancel: () => void;
  /** Ticking it disables the list (e.g. "follow the project's default"). */
  followDefault?: { label: string; initial: boolean; onSave: () => void };
  error: ReactNode;
}

/** Tick the project members who must approve; only those allowed to decide are offered. */
export function ApproverPicker({
  legend,
  members,
  initial,
  saving,
  onSave,
  onCancel,
  followDefault,
  error,
}: ApproverPickerProps) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(initial));
  const [following, setFollowing] = useState(followDefault?.initial ?? false);
  const offered = eligibleApprovers(members);
  const toggle = (userId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (followDefault && following) followDefault.onSave();
        // In the members' order, so the saved list reads as the picker did.
        else onSave(offered.filter((member) => chosen.has(member.user.id)).map((member) => member.user.id));
      }}
    >
      {followDefault && (
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={following}
            onChange={(event) => setFollowing(event.target.checked)}
          />{' '}
          {followDefault.label}
        </label>
      )}
      <fieldset className="approver-picker" disabled={following} data-testid="approver-picker">
        <legend>{legend}</legend>
        {offered.length === 0 && <p className="muted">No member may approve yet.</p>}
        {offered.map((member) => (
          <label key={member.user.id}>
            <input
              type="checkbox"
              checked={chosen.has(member.user.id)}
              onChange={(event) => toggle(member.user.id, event.target.checked)}
            />
            {member.user.displayName} <span className="muted">({roleLabels[member.role]})</span>
          </label>
        ))}
      </fieldset>
      {error}
      <div className="picker-actions">
        <button type="submit" className="button button-small button-primary" disabled={saving}>
          Save approvers
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
