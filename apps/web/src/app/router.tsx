import { createBrowserRouter, Navigate } from 'react-router';
import { rememberedLang } from '../i18n/languages.js';
import { LangLayout } from './layouts/lang-layout.js';
import { NotFoundRoute } from '../components/not-found.js';

/**
 * Every page is under its language (`/vi/…`, `/en/…`) so a shared link opens in the sender's
 * language. Pages are loaded on demand: the directory's first page ships only what it uses.
 */
export const router = createBrowserRouter([
  { path: '/', element: <Navigate to={`/${rememberedLang()}`} replace /> },
  {
    path: '/:lang',
    element: <LangLayout />,
    // The first page's code arrives in its own chunk; nothing is server-rendered to hydrate.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/directory/routes/directory.js')).DirectoryRoute }) },
      {
        path: 'suppliers/:id',
        lazy: async () => ({ Component: (await import('../features/supplier-profile/routes/supplier-profile.js')).SupplierProfileRoute }),
      },
      { path: 'sign-in', lazy: async () => ({ Component: (await import('../features/auth/routes/sign-in.js')).SignInRoute }) },
      { path: 'register', lazy: async () => ({ Component: (await import('../features/auth/routes/register.js')).RegisterRoute }) },
      { path: 'claim', lazy: async () => ({ Component: (await import('../features/onboarding/routes/claim.js')).ClaimRoute }) },
      { path: 'account', lazy: async () => ({ Component: (await import('../features/auth/routes/account.js')).AccountRoute }) },
      {
        path: 'my-supplier',
        lazy: async () => ({ Component: (await import('../features/supplier-self-service/routes/my-supplier.js')).MySupplierRoute }),
      },
      { path: 'inbox', lazy: async () => ({ Component: (await import('../features/supplier-self-service/routes/inbox.js')).InboxRoute }) },
      { path: 'needs', lazy: async () => ({ Component: (await import('../features/supplier-self-service/routes/needs.js')).NeedsRoute }) },
      { path: 'buyer/needs', lazy: async () => ({ Component: (await import('../features/buyer/routes/needs-list.js')).NeedsListRoute }) },
      { path: 'buyer/needs/new', lazy: async () => ({ Component: (await import('../features/buyer/routes/need-edit.js')).NeedEditRoute }) },
      { path: 'buyer/needs/:id', lazy: async () => ({ Component: (await import('../features/buyer/routes/need-edit.js')).NeedEditRoute }) },
      {
        path: 'buyer/needs/:id/matches',
        lazy: async () => ({ Component: (await import('../features/buyer/routes/match-view.js')).MatchViewRoute }),
      },
      { path: 'analytics', lazy: async () => ({ Component: (await import('../features/analytics/routes/analytics.js')).AnalyticsRoute }) },
      {
        path: 'analytics/:dashboard',
        lazy: async () => ({ Component: (await import('../features/analytics/routes/analytics.js')).DashboardRoute }),
      },
      { path: 'console', lazy: async () => ({ Component: (await import('../features/console/routes/console.js')).ConsoleRoute }) },
      {
        path: 'console/:page',
        lazy: async () => ({ Component: (await import('../features/console/routes/console.js')).ConsolePageRoute }),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
