import { RouterProvider } from 'react-router';
import { AppProvider } from './provider.js';
import { createAppRouter } from './router.js';

/** Created on the first render (main.tsx renders once the session refresh has left), not when this module loads. */
let router: ReturnType<typeof createAppRouter> | undefined;

export function App() {
  router ??= createAppRouter();
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
