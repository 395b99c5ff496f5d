import {
  PASSWORD_MIN,
  type LinkPermission,
  type ReviewLink,
  type UpdateReviewLinkBody,
} from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { TeamActivityOption } from './TeamActivityOption';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor } from '../../lib/form-errors';
import { expiryFor } from './link-expiry';
import { useUpdateReviewLink } from './sharing-queries';

const INPUTS = ['label', 'permissions', 'password', 'expiresAt'] as const;
const GRANTS: { permission: LinkPermission; label: string }[] = [
  { permission: 'comment', label: 'Comment' },
  { permission: 'approve', label: 'Approve or ask for changes' },
  { permission: 'download', label: 'Download originals' },
];
const EXPIRY_CHOICES = [
  { value: 'keep', label: 'Keep as it is' },
  { value: 'never', label: 'Never expires' },
  { value: '1', label: 'Expires in 1 day' },
  { value: '7', label: 'Expires in 7 days' },
  { value: '30', label: 'Expires in 30 days' },
] as const;

/** Changes what a link grants, its password and its expiry; its guests follow at once. */
export function LinkEditForm({
  projectId,
  link,
  onDone,
}: {
  projectId: string;
  link: ReviewLink;
  onDone: () => void;
}) {
  const update = useUpdateReviewLink(projectId, link.id);
  const [grants, setGrants] = useState<ReadonlySet<LinkPermission>>(new Set(link.permissions));
  const [showTeamActivity, setShowTeamActivity] = useState(link.showTeamActivity);
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [expiry, setExpiry] = useState<string>('keep');
  const errors = formErrorsFor(update.error, INPUTS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: UpdateReviewLinkBody = { permissions: ['view', ...grants], showTeamActivity };
    if (removePassword) body.password = null;
    else if (password !== '') body.password = password;
    if (expiry === 'never') body.expiresAt = null;
    else if (expiry !== 'keep')
      body.expiresAt = expiryFor({ kind: 'days', days: Number(expiry) }, new Date()) ?? undefined;
    update.mutate(body, { onSuccess: onDone });
  }

  return (
    <form className="review-link-form" aria-label={`Edit ${link.label}`} onSubmit={submit} noValidate>
      <fieldset className="field">
        <legend>Guests can watch, and</legend>
        {GRANTS.map(({ permission, label }) => (
          <label key={permission}>
            <input
              type="checkbox"
              checked={grants.has(permission)}
              onChange={() => {
                const next = new Set(grants);
                if (next.has(permission)) next.delete(permission);
                else next.add(permission);
                setGrants(next);
              }}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <TeamActivityOption checked={showTeamActivity} onChange={setShowTeamActivity} />
      {!removePassword && (
        <TextField
          label={link.hasPassword ? 'New password (optional)' : 'Password (optional)'}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.byField.password}
          hint={`At least ${PASSWORD_MIN} characters. Guests already in keep their access.`}
        />
      )}
      {link.hasPassword && (
        <label>
          <input
            type="checkbox"
            checked={removePassword}
            onChange={() => setRemovePassword(!removePassword)}
          />{' '}
          Remove the password
        </label>
      )}
      <div className="field">
        <label htmlFor={`link-expiry-${link.id}`}>Expiry</label>
        <select
          id={`link-expiry-${link.id}`}
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {errors.byField.expiresAt && <p className="field-error">{errors.byField.expiresAt}</p>}
      </div>
      <FormAlert message={errors.form ?? errors.byField.permissions ?? null} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          Save changes
        </button>
      </div>
    </form>
  );
}
