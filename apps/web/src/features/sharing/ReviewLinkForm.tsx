import { PASSWORD_MIN, type CreatedReviewLink, type LinkPermission } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { TeamActivityOption } from './TeamActivityOption';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor } from '../../lib/form-errors';
import { describeError } from '../../lib/api-client';
import { useAssets } from '../assets/asset-queries';
import { expiryFor, LIFETIME_CHOICES } from './link-expiry';
import { PAST_DUE_WARNING, isPastLocalInput } from '../rounds-board/board-view';
import { useSetCutDueDate } from '../rounds-board/rounds-board-queries';
import { useCreateReviewLink } from './sharing-queries';

const INPUTS = ['label', 'assetIds', 'permissions', 'password', 'expiresAt'] as const;
const GRANTS: { permission: LinkPermission; label: string }[] = [
  { permission: 'comment', label: 'Comment' },
  { permission: 'approve', label: 'Approve or ask for changes' },
  { permission: 'download', label: 'Download originals' },
];

/** Makes a review link: what it shows, what guests may do, an optional password and expiry. */
export function ReviewLinkForm({
  projectId,
  onCreated,
}: {
  projectId: string;
  /** `problem`: what went wrong after the link was made (its due date not set). */
  onCreated: (link: CreatedReviewLink, problem?: string) => void;
}) {
  const assets = useAssets(projectId);
  const create = useCreateReviewLink(projectId);
  const [label, setLabel] = useState('');
  const [scope, setScope] = useState<'project' | 'assets'>('assets');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [grants, setGrants] = useState<ReadonlySet<LinkPermission>>(new Set(['comment', 'approve']));
  const [showTeamActivity, setShowTeamActivity] = useState(false);
  const [password, setPassword] = useState('');
  const [lifetime, setLifetime] = useState<string>('never');
  const [until, setUntil] = useState('');
  const [due, setDue] = useState('');
  // A due date already past is set only once its maker has read what that does and confirmed it.
  const [warnedPast, setWarnedPast] = useState(false);
  const setRoundDue = useSetCutDueDate();
  const [problem, setProblem] = useState<string | null>(null);
  const errors = formErrorsFor(create.error, INPUTS);

  const toggle = <T,>(set: ReadonlySet<T>, item: T): Set<T> => {
    const next = new Set(set);
    if (next.has(item)) next.delete(item);
    else next.add(item);
    return next;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const expiresAt = expiryFor(
      lifetime === 'never'
        ? { kind: 'never' }
        : lifetime === 'until'
          ? { kind: 'until', date: until }
          : { kind: 'days', days: Number(lifetime) },
      new Date(),
    );
    if (expiresAt === null) return setProblem('Choose the last day the link should work.');
    if (scope === 'assets' && chosen.size === 0) return setProblem('Choose at least one cut to share.');
    if (scope === 'assets' && isPastLocalInput(due, Date.now()) && !warnedPast) {
      setWarnedPast(true);
      return setProblem(null);
    }
    setProblem(null);
    create.mutate(
      {
        label: label.trim() === '' ? undefined : label.trim(),
        assetIds: scope === 'assets' ? [...chosen] : undefined,
        permissions: ['view', ...grants],
        showTeamActivity,
        password: password === '' ? undefined : password,
        expiresAt,
      },
      {
        onSuccess: async (link) => {
          // The rounds now out are due then: each shared cut's round under review (its newest
          // ready version, as the server reads it), never an upload still processing or failed.
          const dueAt = scope === 'assets' && due !== '' ? new Date(due).toISOString() : null;
          try {
            if (dueAt !== null)
              await Promise.all([...chosen].map((assetId) => setRoundDue.mutateAsync({ assetId, dueAt })));
            onCreated(link);
          } catch (error) {
            onCreated(link, `The link is made, but its due date was not set: ${describeError(error)}`);
          }
        },
      },
    );
  }

  return (
    <form className="form review-link-form" onSubmit={submit} noValidate data-testid="review-link-form">
      <TextField
        label="Name (optional)"
        name="label"
        value={label}
        onChange={setLabel}
        error={errors.byField.label}
        hint="For your list of links; guests see it too."
        maxLength={100}
      />
      <fieldset className="field">
        <legend>Shows</legend>
        <label>
          <input type="radio" checked={scope === 'assets'} onChange={() => setScope('assets')} /> Chosen cuts
        </label>
        <label>
          <input type="radio" checked={scope === 'project'} onChange={() => setScope('project')} /> The whole
          project, including cuts added later
        </label>
        {scope === 'assets' && (
          <ul className="choice-list" aria-label="Cuts to share">
            {(assets.data ?? []).map((asset) => (
              <li key={asset.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(asset.id)}
                    onChange={() => setChosen(toggle(chosen, asset.id))}
                  />{' '}
                  {asset.name}
                </label>
              </li>
            ))}
          </ul>
        )}
        {scope === 'assets' && (
          <label className="review-link-due">
            Due (optional){' '}
            <input
              type="datetime-local"
              value={due}
              onChange={(event) => {
                setDue(event.target.value);
                setWarnedPast(false);
              }}
            />
            <span className="field-hint">
              When this round of the chosen cuts is due: it shows on the cut and the rounds board, and pending
              approvers are reminded.
            </span>
          </label>
        )}
      </fieldset>
      <fieldset className="field">
        <legend>Guests can watch, and</legend>
        {GRANTS.map(({ permission, label: grantLabel }) => (
          <label key={permission}>
            <input
              type="checkbox"
              checked={grants.has(permission)}
              onChange={() => setGrants(toggle(grants, permission))}
            />{' '}
            {grantLabel}
          </label>
        ))}
      </fieldset>
      <TeamActivityOption checked={showTeamActivity} onChange={setShowTeamActivity} />
      <TextField
        label="Password (optional)"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={errors.byField.password}
        hint={`At least ${PASSWORD_MIN} characters and not a common password. Send it separately from the link.`}
      />
      <div className="field">
        <label htmlFor="review-link-lifetime">Expiry</label>
        <select
          id="review-link-lifetime"
          value={lifetime}
          onChange={(event) => setLifetime(event.target.value)}
        >
          {LIFETIME_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {lifetime === 'until' && (
          <input
            type="date"
            aria-label="Last day the link works"
            value={until}
            onChange={(event) => setUntil(event.target.value)}
          />
        )}
        {errors.byField.expiresAt && <p className="field-error">{errors.byField.expiresAt}</p>}
      </div>
      <FormAlert
        message={
          problem ??
          errors.form ??
          errors.byField.assetIds ??
          errors.byField.permissions ??
          (warnedPast ? PAST_DUE_WARNING : null)
        }
      />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {warnedPast ? 'Create link anyway' : 'Create link'}
      </button>
    </form>
  );
}
