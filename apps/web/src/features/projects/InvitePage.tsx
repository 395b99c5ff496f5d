import { PASSWORD_MIN, acceptInvitationBodySchema, type FieldError } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { AuthCard } from '../auth/AuthCard';
import { useAcceptInvitation, useOpenInvitation } from './invitation-queries';
import { roleLabels } from './roles';

const INPUTS = ['displayName', 'password'] as const;

interface AcceptFormProps {
  token: string;
  email: string;
  projectId: string;
  /** The address has an account already: its password signs it in and joins. */
  hasAccount: boolean;
}

function AcceptForm({ token, email, projectId, hasAccount }: AcceptFormProps) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(accept.error, INPUTS, () => undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(
      acceptInvitationBodySchema,
      hasAccount ? { password } : { displayName, password },
    );
    if (!checked.ok) {
      accept.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    accept.mutate(checked.body, {
      onSuccess: (session) => void navigate(`/projects/${session.projectId || projectId}`, { replace: true }),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Email"
        name="email"
        type="email"
        value={email}
        onChange={() => undefined}
        readOnly
        hint="The address you were invited at."
      />
      {!hasAccount && (
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={errors.byField.displayName}
          hint="Shown next to your notes and approvals."
          autoFocus
        />
      )}
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={hasAccount ? 'current-password' : 'new-password'}
        value={password}
        onChange={setPassword}
        error={errors.byField.password}
        hint={
          hasAccount
            ? 'This address has an account: its password signs you in and joins.'
            : `At least ${PASSWORD_MIN} characters, and not a common password or your email.`
        }
        autoFocus={hasAccount}
      />
      <FormAlert message={errors.form} />
      <button type="submit" className="button button-primary" disabled={accept.isPending}>
        {hasAccount ? 'Sign in and join' : 'Create account and join'}
      </button>
    </form>
  );
}

/** Where an invitation's link leads: the sign-up form for the invited address, which joins the project. */
export function InvitePage() {
  const { token = '' } = useParams();
  const invitation = useOpenInvitation(token);
  if (invitation.isPending) return <p className="page-loading">Loading…</p>;
  if (invitation.isError) {
    return (
      <AuthCard title="This invitation has ended" footer={<Link to="/login">Sign in</Link>}>
        <p>It was already used, revoked, or has expired. Ask whoever invited you for a new one.</p>
      </AuthCard>
    );
  }
  const { email, role, project, invitedBy, hasAccount } = invitation.data;
  return (
    <AuthCard
      title={`Join ${project.name}`}
      footer={
        <>
          Signed up at another address? <Link to="/login">Sign in</Link> and ask to be added.
        </>
      }
    >
      <p>
        {invitedBy ?? 'Someone'} invited you as {roleLabels[role].toLowerCase()}.
      </p>
      <AcceptForm token={token} email={email} projectId={project.id} hasAccount={hasAccount} />
    </AuthCard>
  );
}
