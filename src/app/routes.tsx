import type { RouteObject } from 'react-router';
import { HomePage } from '../features/home/home-page';
import { Layout } from './layout';
import { RouteError } from './route-error';

/** Every route of the app. Pages other than home load lazily to keep the first load small. */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: HomePage },
      {
        path: 'practice',
        lazy: async () => ({
          Component: (await import('../features/practice/practice-setup-page')).PracticeSetupPage,
        }),
      },
      {
        path: 'practice/session',
        lazy: async () => ({
          Component: (await import('../features/practice/practice-session-page'))
            .PracticeSessionPage,
        }),
      },
      {
        path: 'practice/summary',
        lazy: async () => ({
          Component: (await import('../features/practice/practice-summary-page'))
            .PracticeSummaryPage,
        }),
      },
      { path: '*', Component: NotFound },
    ],
  },
];

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. Use the menu above to carry on.</p>
    </>
  );
}
