import { Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RedirectIfSignedIn, RequireSession } from '../features/auth/SessionGates';
import { CutRoom } from '../features/review/CutRoom';
import { onDemand } from '../lib/on-demand';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorBoundary } from './RouteErrorBoundary';

/** A page fetched as its own chunk the first time it is opened (again, after a failed fetch). */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  return onDemand(async () => (await load())[name]);
}

/*
 * Every page is its own chunk, fetched when it is opened: someone following a link to a cut loads
 * the player and the review page, not the project lists, settings and sign-up forms. The router is
 * the plain declarative one: Cutroom's pages fetch their own data, so the data router's loaders,
 * actions and fetchers would be weight on every page for nothing.
 */
const LoginPage = page(() => import('../features/auth/LoginPage'), 'LoginPage');
const RegisterPage = page(() => import('../features/auth/RegisterPage'), 'RegisterPage');
const HomePage = page(() => import('../features/sharing/SharedHomePage'), 'HomePage');
const SharedHomePage = page(() => import('../features/sharing/SharedHomePage'), 'SharedHomePage');
const ProjectPage = page(() => import('../features/projects/ProjectPage'), 'ProjectPage');
const ProjectSettingsPage = page(
  () => import('../features/projects/ProjectSettingsPage'),
  'ProjectSettingsPage',
);
const RoundsBoardPage = page(() => import('../features/rounds-board/RoundsBoardPage'), 'RoundsBoardPage');
const MyWorkPage = page(() => import('../features/rounds-board/MyWorkPage'), 'MyWorkPage');
// The player (hls.js) is most of the app's weight: fetched only when a cut is opened.
const AssetReviewPage = page(() => import('../features/review/AssetReviewPage'), 'AssetReviewPage');
const ComparePage = page(() => import('../features/compare/ComparePage'), 'ComparePage');
const ShareLandingPage = page(() => import('../features/sharing/ShareLandingPage'), 'ShareLandingPage');
const InvitePage = page(() => import('../features/projects/InvitePage'), 'InvitePage');

/** Which page a path shows. Which of them take the whole width is AppLayout's (WIDE_PAGES). */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <RouteErrorBoundary>
        {/* Shown while a page's chunk arrives on a direct visit or reload; a navigation keeps the
            page it leaves on screen until the next one is ready (the router's transitions). */}
        <Suspense fallback={<p className="page-loading">Loading…</p>}>
          <Routes>
            <Route element={<RedirectIfSignedIn />}>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/register" element={<RegisterPage />} />
            </Route>
            <Route element={<RequireSession />}>
              <Route element={<AppLayout />}>
                <Route path="/" element={<HomePage />} />
                <Route path="/shared" element={<SharedHomePage />} />
                <Route path="/projects/:projectId" element={<ProjectPage />} />
                <Route path="/projects/:projectId/settings" element={<ProjectSettingsPage />} />
                <Route path="/projects/:projectId/rounds" element={<RoundsBoardPage />} />
                <Route path="/rounds" element={<MyWorkPage />} />
                <Route path="/assets/:assetId" element={<CutRoom />}>
                  <Route index element={<AssetReviewPage />} />
                  <Route path="compare" element={<ComparePage />} />
                </Route>
              </Route>
            </Route>
            {/* Anyone holding a review link: no session needed to open it. */}
            <Route path="/share/:token" element={<ShareLandingPage />} />
            {/* An invitation's link: signs up the invited address, whoever is signed in here. */}
            <Route path="/invite/:token" element={<InvitePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </RouteErrorBoundary>
    </BrowserRouter>
  );
}
