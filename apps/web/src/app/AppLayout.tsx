import { Link, Outlet, matchPath, useLocation } from 'react-router-dom';
import { describeError } from '../lib/api-client';
import { ActivityBell } from '../features/activity/ActivityBell';
import { useCurrentUser, useGuestAccess, useLogout } from '../features/auth/session-queries';
import { ConnectionNotice } from './ConnectionNotice';
import { RealtimeProvider } from './RealtimeProvider';
import { LinkEndedNotice } from '../features/sharing/LinkEndedNotice';
import { UploadProvider } from './UploadProvider';

function AccountMenu({ guest }: { guest: boolean }) {
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <div className="account">
      <span className="account-name" title={user.email ?? undefined}>
        {user.displayName}
      </span>
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {guest ? 'Leave' : 'Log out'}
      </button>
      {logout.error && (
        <span className="field-error" role="alert">
          {describeError(logout.error)}
        </span>
      )}
    </div>
  );
}

/** Pages that take the whole width: the rounds boards, and a cut's review and compare pages. */
const WIDE_PAGES = ['/projects/:projectId/rounds', '/rounds', '/assets/:assetId/*'];

function useWideLayout(): boolean {
  const { pathname } = useLocation();
  return WIDE_PAGES.some((pattern) => matchPath(pattern, pathname) !== null);
}

export function AppLayout() {
  const user = useCurrentUser();
  const guest = useGuestAccess() !== null;
  const wide = useWideLayout();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link className="brand" to={guest ? '/shared' : '/'}>
          Cutroom
        </Link>
        <div className="header-actions">
          {/* Guests have no feed: their link is all they follow. */}
          {!guest && (
            <Link className="header-link" to="/rounds">
              My work
            </Link>
          )}
          {!guest && <ActivityBell />}
          <AccountMenu guest={guest} />
        </div>
      </header>
      <main id="main" className={wide ? 'page page-wide' : 'page'}>
        {/* Keyed by the person: another sign-in in this tab starts with a fresh socket and no uploads. */}
        <RealtimeProvider key={user.id}>
          <UploadProvider key={user.id}>
            <Outlet />
            <ConnectionNotice />
            {guest && <LinkEndedNotice />}
          </UploadProvider>
        </RealtimeProvider>
      </main>
    </>
  );
}
