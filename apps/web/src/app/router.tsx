import { createBrowserRouter } from 'react-router-dom';
import { RedirectIfSignedIn, RequireSession } from '../features/auth/SessionGates';
import { CutRoom } from '../features/review/CutRoom';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

/**
 * Every page is its own chunk, fetched when it is opened: someone following a link to a cut
 * loads the player and the review page, not the project lists, settings and sign-up forms.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    // Shown while a lazily loaded page arrives on a direct visit or reload.
    hydrateFallbackElement: <p className="page-loading">Loading…</p>,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          {
            path: '/login',
            lazy: async () => ({ Component: (await import('../features/auth/LoginPage')).LoginPage }),
          },
          {
            path: '/register',
            lazy: async () => ({ Component: (await import('../features/auth/RegisterPage')).RegisterPage }),
          },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                path: '/',
                lazy: async () => ({
                  Component: (await import('../features/sharing/SharedHomePage')).HomePage,
                }),
              },
              {
                path: '/shared',
                lazy: async () => ({
                  Component: (await import('../features/sharing/SharedHomePage')).SharedHomePage,
                }),
              },
              {
                path: '/projects/:projectId',
                lazy: async () => ({
                  Component: (await import('../features/projects/ProjectPage')).ProjectPage,
                }),
              },
              {
                path: '/projects/:projectId/settings',
                lazy: async () => ({
                  Component: (await import('../features/projects/ProjectSettingsPage')).ProjectSettingsPage,
                }),
              },
              {
                path: '/projects/:projectId/rounds',
                handle: { wide: true },
                lazy: async () => ({
                  Component: (await import('../features/rounds-board/RoundsBoardPage')).RoundsBoardPage,
                }),
              },
              {
                path: '/rounds',
                handle: { wide: true },
                lazy: async () => ({
                  Component: (await import('../features/rounds-board/MyWorkPage')).MyWorkPage,
                }),
              },
              {
                path: '/assets/:assetId',
                element: <CutRoom />,
                handle: { wide: true },
                children: [
                  {
                    index: true,
                    // The player (hls.js) is most of the app's weight: fetched only when a cut is opened.
                    lazy: async () => ({
                      Component: (await import('../features/review/AssetReviewPage')).AssetReviewPage,
                    }),
                  },
                  {
                    path: 'compare',
                    lazy: async () => ({
                      Component: (await import('../features/compare/ComparePage')).ComparePage,
                    }),
                  },
                ],
              },
            ],
          },
        ],
      },
      // Anyone holding a review link: no session needed to open it.
      {
        path: '/share/:token',
        lazy: async () => ({
          Component: (await import('../features/sharing/ShareLandingPage')).ShareLandingPage,
        }),
      },
      // An invitation's link: signs up the invited address, whoever is signed in here.
      {
        path: '/invite/:token',
        lazy: async () => ({ Component: (await import('../features/projects/InvitePage')).InvitePage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
