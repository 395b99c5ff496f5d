import { PASSWORD_MIN, registerBodySchema, type FieldError } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { AuthCard } from './AuthCard';
import { signInPagePath } from './return-path';
import { useRegister } from './session-queries';

const INPUTS = ['displayName', 'email', 'password'] as const;

export function RegisterPage() {
  const [searchParams] = useSearchParams();
  const register = useRegister();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);

  // "An account with that email already exists" belongs beside the email.
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(register.error, INPUTS, (error) => (error.status === 409 ? 'email' : undefined));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(registerBodySchema, { email, password, displayName });
    if (!checked.ok) {
      register.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    register.mutate(checked.body);
  }

  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{' '}
          <Link to={signInPagePath('/login', searchParams.get('next') ?? '/')}>Sign in instead</Link>
        </>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
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
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={errors.byField.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.byField.password}
          hint={`At least ${PASSWORD_MIN} characters, and not a common password or your email.`}
        />
        <FormAlert message={errors.form} />
        <button type="submit" className="button button-primary" disabled={register.isPending}>
          Create account
        </button>
      </form>
    </AuthCard>
  );
}
