import { Link, Outlet } from 'react-router-dom';
import { describeError } from '../lib/api-client';
import { useCurrentUser, useLogout } from '../features/auth/session-queries';

function AccountMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <div className="account">
      <span className="account-name" title={user.email}>
        {user.displayName}
      </span>
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={logout.isPending}
        onClick={() => logout.mutate()}
      >
        Log out
      </button>
      {logout.error && (
        <span className="field-error" role="alert">
          {describeError(logout.error)}
        </span>
      )}
    </div>
  );
}

export function AppLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link className="brand" to="/">
          Cutroom
        </Link>
        <AccountMenu />
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
