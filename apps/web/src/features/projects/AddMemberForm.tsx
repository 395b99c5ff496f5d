import { inviteBodySchema, type FieldError, type InviteResult, type ProjectRole } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import type { ApiRequestError } from '../../lib/api-client';
import { FormAlert, FormStatus, SelectField, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { InvitationLink } from './InvitationLink';
import { useInvite } from './invitation-queries';
import { roleDescriptions, roleLabels, roleOptions } from './roles';

const INPUTS = ['email', 'role'] as const;

/** "Already a member" is about the email typed. */
function inputForRefusal(error: ApiRequestError): 'email' | undefined {
  if (error.code !== undefined) return error.code === 'already_member' ? 'email' : undefined;
  return error.status === 409 ? 'email' : undefined;
}

function InviteOutcome({ result }: { result: InviteResult }) {
  if (result.kind === 'member') {
    return (
      <FormStatus
        message={`Added ${result.member.user.displayName} as ${roleLabels[result.member.role].toLowerCase()}.`}
      />
    );
  }
  const { invitation } = result;
  const role = roleLabels[invitation.role].toLowerCase();
  return (
    <div className="invite-outcome" role="status">
      <p>
        {result.emailed
          ? `Invitation e-mailed to ${invitation.email}. You can also send them this link:`
          : `${invitation.email} has no account yet. Send them this link to join as ${role}:`}
      </p>
      <InvitationLink invitation={invitation} />
    </div>
  );
}

/** Adds someone with an account at once; invites an address without one. */
export function AddMemberForm({ projectId }: { projectId: string }) {
  const invite = useInvite(projectId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('reviewer');
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(invite.error, INPUTS, inputForRefusal);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(inviteBodySchema, { email, role });
    if (!checked.ok) {
      invite.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    invite.mutate(checked.body, { onSuccess: () => setEmail('') });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-row">
        <TextField
          label="Member email"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={errors.byField.email}
          hint="Someone without a Cutroom account gets an invitation to create one."
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          options={roleOptions}
          onChange={setRole}
          error={errors.byField.role}
        />
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          Invite
        </button>
      </div>
      <p className="field-hint">
        {roleLabels[role]}: {roleDescriptions[role]}.
      </p>
      <FormAlert message={errors.form} />
      {invite.isSuccess && <InviteOutcome result={invite.data} />}
    </form>
  );
}
