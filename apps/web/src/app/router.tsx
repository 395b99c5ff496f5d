import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { RedirectIfSignedIn, RequireSession } from '../features/auth/SessionGates';
import { ProjectListPage } from '../features/projects/ProjectListPage';
import { ProjectPage } from '../features/projects/ProjectPage';
import { ProjectSettingsPage } from '../features/projects/ProjectSettingsPage';
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
              { path: '/', element: <ProjectListPage /> },
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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
