import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { safeReturnPath, signInPagePath } from './return-path';
import { useSession } from './session-queries';

function SessionStatus({ children }: { children: ReactNode }) {
  return <main className="page page-centered">{children}</main>;
}

function useSessionGate() {
  const session = useSession();
  if (session.data) return { state: 'known', session: session.data } as const;
  if (session.isError) {
    return {
      state: 'failed',
      view: (
        <SessionStatus>
          <p className="form-alert" role="alert">
            {describeError(session.error)}
          </p>
          <button type="button" className="button" onClick={() => session.refetch()}>
            Try again
          </button>
        </SessionStatus>
      ),
    } as const;
  }
  return {
    state: 'loading',
    view: (
      <SessionStatus>
        <p role="status">Loading…</p>
      </SessionStatus>
    ),
  } as const;
}

/** Renders its routes only for a signed-in person; everyone else goes to sign in and comes back. */
export function RequireSession() {
  const gate = useSessionGate();
  const location = useLocation();
  if (gate.state !== 'known') return gate.view;
  if (gate.session.status === 'signed-in') return <Outlet />;
  if (gate.session.reason === 'logged-out') return <Navigate to="/login" replace />;
  if (gate.session.reason === 'link-ended') {
    return (
      <SessionStatus>
        <title>Review link ended · Cutroom</title>
        <h1>This review link has ended</h1>
        <p data-testid="guest-link-ended">
          It has expired or was turned off. Ask the person who sent it for a new one.
        </p>
      </SessionStatus>
    );
  }
  const returnPath = `${location.pathname}${location.search}${location.hash}`;
  return <Navigate to={signInPagePath('/login', returnPath)} replace />;
}

/** Sign-in pages: a person who is already signed in goes straight to where they were headed. */
export function RedirectIfSignedIn() {
  const gate = useSessionGate();
  const [searchParams] = useSearchParams();
  if (gate.state !== 'known') return gate.view;
  if (gate.session.status === 'signed-in') {
    return <Navigate to={safeReturnPath(searchParams.get('next'))} replace />;
  }
  return <Outlet />;
}
