import { loginBodySchema, type FieldError } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { AuthCard } from './AuthCard';
import { signInPagePath } from './return-path';
import { useLogin, useSession } from './session-queries';

const INPUTS = ['email', 'password'] as const;

export function LoginPage() {
  const [searchParams] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);

  const errors = invalidFields ? groupFieldErrors(invalidFields, INPUTS) : formErrorsFor(login.error, INPUTS);
  const expired = session.data?.status === 'signed-out' && session.data.reason === 'expired';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(loginBodySchema, { email, password });
    if (!checked.ok) {
      login.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    // On success the session changes and RedirectIfSignedIn takes the person onwards.
    login.mutate(checked.body);
  }

  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New to Cutroom?{' '}
          <Link to={signInPagePath('/register', searchParams.get('next') ?? '/')}>Create an account</Link>
        </>
      }
    >
      {expired && !login.error && (
        <p className="form-notice" role="status">
          Your session has ended. Sign in again to continue.
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={errors.byField.email}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.byField.password}
        />
        <FormAlert message={errors.form} />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          Sign in
        </button>
      </form>
    </AuthCard>
  );
}
