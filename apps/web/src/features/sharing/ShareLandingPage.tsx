import { joinReviewLinkBodySchema, type FieldError } from '@cutroom/contracts';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { describeError, isApiRequestError } from '../../lib/api-client';
import { FormAlert, TextField } from '../../lib/form-controls';
import { formErrorsFor, groupFieldErrors, validateWithContract } from '../../lib/form-errors';
import { AuthCard } from '../auth/AuthCard';
import { useSession } from '../auth/session-queries';
import { describePermissions } from './permission-words';
import { useJoinSharedLink, useSharedLink } from './sharing-queries';
import { formatDateTime } from '../../lib/dates';

const INPUTS = ['name', 'email', 'password'] as const;

function LinkGone({ title, children }: { title: string; children: string }) {
  return (
    <AuthCard title={title} footer={<Link to="/login">Sign in with a Cutroom account</Link>}>
      <p data-testid="share-link-gone">{children}</p>
    </AuthCard>
  );
}

function JoinForm({
  token,
  linkId,
  needsPassword,
}: {
  token: string;
  linkId: string;
  needsPassword: boolean;
}) {
  const join = useJoinSharedLink(token);
  const session = useSession();
  const [anotherName, setAnotherName] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [invalidFields, setInvalidFields] = useState<FieldError[] | null>(null);
  const errors = invalidFields
    ? groupFieldErrors(invalidFields, INPUTS)
    : formErrorsFor(join.error, INPUTS, (error) => (error.status === 401 ? 'password' : undefined));

  if (join.isSuccess) return <Navigate to="/shared" replace />;
  const signedIn = session.data?.status === 'signed-in' ? session.data : null;
  // Back through the same link (a reload, a bookmark): carry on as the same guest.
  if (signedIn?.guest?.linkId === linkId && !anotherName) {
    return (
      <div className="form" data-testid="share-continue">
        <p>You are reviewing as {signedIn.user.displayName}.</p>
        <Link className="button button-primary" to="/shared">
          Continue reviewing
        </Link>
        <button type="button" className="button button-ghost" onClick={() => setAnotherName(true)}>
          Review under another name
        </button>
      </div>
    );
  }
  const signedInAs = signedIn && !signedIn.guest ? signedIn.user.displayName : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateWithContract(joinReviewLinkBodySchema, {
      name,
      email: email.trim() === '' ? undefined : email,
      password: needsPassword ? password : undefined,
    });
    if (!checked.ok) {
      join.reset();
      setInvalidFields(checked.fields);
      return;
    }
    setInvalidFields(null);
    join.mutate(checked.body);
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="share-join-form">
      {signedInAs && (
        <p className="form-notice">
          You are signed in as {signedInAs}. Reviewing through this link signs you in as a guest in this
          browser instead.
        </p>
      )}
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        value={name}
        onChange={setName}
        error={errors.byField.name}
        hint="Shown with your notes and decisions, marked “(guest)”."
        maxLength={100}
        autoFocus
      />
      <TextField
        label="Email (optional)"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={errors.byField.email}
      />
      {needsPassword && (
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="off"
          value={password}
          onChange={setPassword}
          error={errors.byField.password}
        />
      )}
      <FormAlert message={errors.form} />
      <button type="submit" className="button button-primary" disabled={join.isPending}>
        Start reviewing
      </button>
    </form>
  );
}

/** `/share/:token`: what someone with only a link sees first — who shared what, and a name to give. */
export function ShareLandingPage() {
  const { token = '' } = useParams();
  const link = useSharedLink(token);
  if (isApiRequestError(link.error, 410)) {
    return (
      <LinkGone title="This link has expired">
        This review link has expired. Ask the person who sent it for a new one.
      </LinkGone>
    );
  }
  if (isApiRequestError(link.error, 404)) {
    return (
      <LinkGone title="Link not found">
        This review link does not exist or has been turned off. Check that you copied all of it, or ask the
        person who sent it.
      </LinkGone>
    );
  }
  if (link.error) {
    return (
      <AuthCard title="Could not open this link" footer={null}>
        <p className="form-alert" role="alert">
          {describeError(link.error)}
        </p>
        <button type="button" className="button" onClick={() => link.refetch()}>
          Try again
        </button>
      </AuthCard>
    );
  }
  if (!link.data) {
    return (
      <main className="page page-centered">
        <p role="status">Opening the link…</p>
      </main>
    );
  }
  const info = link.data;
  return (
    <AuthCard title={info.label ?? 'A cut shared for review'} footer={<>Reviewing through Cutroom</>}>
      {info.needsPassword ? (
        <p>This review link is protected by a password.</p>
      ) : (
        <>
          <p data-testid="share-intro">
            {info.sharedBy ? `${info.sharedBy} shared` : 'Shared'} from <strong>{info.projectName}</strong>.{' '}
            {info.permissions ? describePermissions(info.permissions) : null}
          </p>
        </>
      )}
      {info.expiresAt && <p className="muted">Open until {formatDateTime(info.expiresAt)}.</p>}
      <JoinForm token={token} linkId={info.linkId} needsPassword={info.needsPassword} />
    </AuthCard>
  );
}
