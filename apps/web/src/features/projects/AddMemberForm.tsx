import { addMemberBodySchema, type FieldError, type ProjectRole } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import type { ApiRequestError } from '../../lib/api-client';
import { FormAlert, FormStatus, SelectField, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { useAddMember } from './project-queries';
import { roleDescriptions, roleLabels, roleOptions } from './roles';

const INPUTS = ['email', 'role'] as const;

/** "No account uses that email" and "already a member" are about the email typed. */
function inputForRefusal(error: ApiRequestError): 'email' | undefined {
  if (error.code !== undefined) {
    return error.code === 'no_such_account' || error.code === 'already_member' ? 'email' : undefined;
  }
  return error.status === 404 || error.status === 409 ? 'email' : undefined;
}

export function AddMemberForm({ projectId }: { projectId: string }) {
  const addMember = useAddMember(projectId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('reviewer');
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(addMember.error, INPUTS, inputForRefusal);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(addMemberBodySchema, { email, role });
    if (!checked.ok) {
      addMember.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    addMember.mutate(checked.body, { onSuccess: () => setEmail('') });
  }

  const added = addMember.isSuccess ? addMember.data : null;

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
          hint="They need a Cutroom account already."
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          options={roleOptions}
          onChange={setRole}
          error={errors.byField.role}
        />
        <button type="submit" className="button button-primary" disabled={addMember.isPending}>
          Add member
        </button>
      </div>
      <p className="field-hint">
        {roleLabels[role]}: {roleDescriptions[role]}.
      </p>
      <FormAlert message={errors.form} />
      <FormStatus
        message={added ? `Added ${added.user.displayName} as ${roleLabels[added.role].toLowerCase()}.` : null}
      />
    </form>
  );
}
