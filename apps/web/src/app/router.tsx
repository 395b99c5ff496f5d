import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { RedirectIfSignedIn, RequireSession } from '../features/auth/SessionGates';
import { ProjectPage } from '../features/projects/ProjectPage';
import { ProjectSettingsPage } from '../features/projects/ProjectSettingsPage';
import { ShareLandingPage } from '../features/sharing/ShareLandingPage';
import { HomePage, SharedHomePage } from '../features/sharing/SharedHomePage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    // Shown while a lazily loaded page (the review page) arrives on a direct visit or reload.
    hydrateFallbackElement: <p className="page-loading">Loading…</p>,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/register', element: <RegisterPage /> },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { path: '/', element: <HomePage /> },
              { path: '/shared', element: <SharedHomePage /> },
              { path: '/projects/:projectId', element: <ProjectPage /> },
              { path: '/projects/:projectId/settings', element: <ProjectSettingsPage /> },
              {
                path: '/assets/:assetId',
                handle: { wide: true },
                // The player (hls.js) is most of the app's weight: fetched only when a cut is opened.
                lazy: async () => ({
                  Component: (await import('../features/review/AssetReviewPage')).AssetReviewPage,
                }),
              },
            ],
          },
        ],
      },
      // Anyone holding a review link: no session needed to open it.
      { path: '/share/:token', element: <ShareLandingPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
