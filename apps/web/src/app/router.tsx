import { createBrowserRouter, Navigate } from 'react-router';
import { isLang, rememberedLang } from '../i18n/languages.js';
import { loadLanguage } from '../i18n/instance.js';
import { LangLayout } from './layouts/lang-layout.js';
import { NotFoundRoute } from '../components/not-found.js';

/**
 * Every page is under its language (`/vi/…`, `/en/…`) so a shared link opens in the sender's
 * language. Pages are loaded on demand: the directory's first page ships only what it uses. The
 * `/:lang` loader fetches that language's messages (in parallel with the page's code); a page whose
 * data depends on who is signed in has a loader of its own that starts its queries early
 * (`lib/prefetch.ts`), from a small chunk that arrives before the page's code.
 */
export function createAppRouter() {
  return createBrowserRouter(ROUTES);
}

const ROUTES: Parameters<typeof createBrowserRouter>[0] = [
  { path: '/', element: <Navigate to={`/${rememberedLang()}`} replace /> },
  {
    path: '/:lang',
    element: <LangLayout />,
    loader: async ({ params }) => {
      if (isLang(params.lang)) await loadLanguage(params.lang, 'core');
      return null;
    },
    // Only a change of language has anything to load; search parameters change on every keystroke.
    shouldRevalidate: ({ currentParams, nextParams }) => currentParams.lang !== nextParams.lang,
    // The first page's code arrives in its own chunk; nothing is server-rendered to hydrate.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/directory/routes/directory.js')).DirectoryRoute }) },
      {
        // every page but the directory: its words (the pages' messages) before its first render
        id: 'pages',
        loader: async ({ params }) => {
          if (isLang(params.lang)) await loadLanguage(params.lang, 'pages');
          return null;
        },
        shouldRevalidate: ({ currentParams, nextParams }) => currentParams.lang !== nextParams.lang,
        children: [
          {
            path: 'suppliers/:id',
            lazy: async () => ({
              Component: (await import('../features/supplier-profile/routes/supplier-profile.js')).SupplierProfileRoute,
            }),
          },
          { path: 'sign-in', lazy: async () => ({ Component: (await import('../features/auth/routes/sign-in.js')).SignInRoute }) },
          { path: 'register', lazy: async () => ({ Component: (await import('../features/auth/routes/register.js')).RegisterRoute }) },
          { path: 'claim', lazy: async () => ({ Component: (await import('../features/onboarding/routes/claim.js')).ClaimRoute }) },
          { path: 'account', lazy: async () => ({ Component: (await import('../features/auth/routes/account.js')).AccountRoute }) },
          {
            path: 'my-supplier',
            lazy: async () => ({ Component: (await import('../features/supplier-self-service/routes/my-supplier.js')).MySupplierRoute }),
          },
          {
            path: 'inbox',
            lazy: async () => ({ Component: (await import('../features/supplier-self-service/routes/inbox.js')).InboxRoute }),
          },
          {
            path: 'qualify',
            lazy: async () => ({ Component: (await import('../features/supplier-self-service/routes/qualify.js')).QualifyRoute }),
          },
          {
            path: 'needs',
            lazy: async () => ({ Component: (await import('../features/supplier-self-service/routes/needs.js')).NeedsRoute }),
          },
          {
            path: 'buyer/needs',
            lazy: async () => ({ Component: (await import('../features/buyer/routes/needs-list.js')).NeedsListRoute }),
          },
          {
            path: 'buyer/needs/new',
            lazy: async () => ({ Component: (await import('../features/buyer/routes/need-edit.js')).NeedEditRoute }),
          },
          {
            path: 'buyer/needs/:id',
            lazy: async () => ({ Component: (await import('../features/buyer/routes/need-edit.js')).NeedEditRoute }),
          },
          {
            path: 'buyer/needs/:id/matches',
            // the loader first: its small chunk then leaves before the page's thirty-odd chunks take the connections
            lazy: {
              loader: async () => (await import('../features/buyer/prefetch.js')).prefetchMatchView,
              Component: async () => (await import('../features/buyer/routes/match-view.js')).MatchViewRoute,
            },
          },
          {
            path: 'analytics',
            lazy: async () => ({ Component: (await import('../features/analytics/routes/analytics.js')).AnalyticsRoute }),
          },
          {
            path: 'analytics/:dashboard',
            lazy: {
              loader: async () => (await import('../features/analytics/prefetch.js')).prefetchDashboard,
              Component: async () => (await import('../features/analytics/routes/analytics.js')).DashboardRoute,
            },
          },
          { path: 'console', lazy: async () => ({ Component: (await import('../features/console/routes/console.js')).ConsoleRoute }) },
          {
            path: 'console/onboarding/new',
            lazy: async () => ({ Component: (await import('../features/console/routes/onboarding.js')).OnboardingNewRoute }),
          },
          {
            path: 'console/onboarding/:id',
            lazy: async () => ({ Component: (await import('../features/console/routes/onboarding.js')).OnboardingEditRoute }),
          },
          {
            path: 'console/:page',
            lazy: async () => ({ Component: (await import('../features/console/routes/console.js')).ConsolePageRoute }),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
