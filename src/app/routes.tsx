import { lazy, type ComponentType } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import { ExamStartPage } from '../features/exam/exam-start-page';
import { HomePage } from '../features/home/home-page';
import { Layout } from './layout';

/** A lazily loaded page that can be loaded ahead of its first render. */
type LazyPage = ComponentType & { preload: () => Promise<void> };

/**
 * A page loaded on the first visit to its route, to keep the first load small. Once its code is
 * loaded (`preload`, see `preloadRoute`), it renders at once rather than through Suspense.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  let loaded: ComponentType | undefined;
  const preload = async () => {
    loaded ??= pick(await load());
  };
  const Lazy = lazy(async () => {
    await preload();
    return { default: loaded as ComponentType };
  });
  const Page = () => {
    const Loaded = loaded ?? Lazy;
    return <Loaded />;
  };
  return Object.assign(Page, { preload });
}

const PracticeSetupPage = lazyPage(
  () => import('../features/practice/practice-setup-page'),
  (m) => m.PracticeSetupPage,
);
const PracticeSessionPage = lazyPage(
  () => import('../features/practice/practice-session-page'),
  (m) => m.PracticeSessionPage,
);
const PracticeSummaryPage = lazyPage(
  () => import('../features/practice/practice-summary-page'),
  (m) => m.PracticeSummaryPage,
);
const ExamTakePage = lazyPage(
  () => import('../features/exam/exam-take-page'),
  (m) => m.ExamTakePage,
);
const ExamResultsPage = lazyPage(
  () => import('../features/exam/exam-results-page'),
  (m) => m.ExamResultsPage,
);
const ExamReviewPage = lazyPage(
  () => import('../features/exam/exam-review-page'),
  (m) => m.ExamReviewPage,
);
const ExamHistoryPage = lazyPage(
  () => import('../features/exam/exam-history-page'),
  (m) => m.ExamHistoryPage,
);
const ProgressPage = lazyPage(
  () => import('../features/progress/progress-page'),
  (m) => m.ProgressPage,
);
const ReviewPage = lazyPage(
  () => import('../features/review/review-page'),
  (m) => m.ReviewPage,
);
// The backup code and its schema come with this page, never with the first load.
const DataPage = lazyPage(
  () => import('./data-route'),
  (m) => m.DataRoute,
);

/**
 * Every route of the app, for `useRoutes` (src/app/app.tsx). Home and the mock exam's start page,
 * the two ways in, come with the first load; the other pages load lazily (Layout shows them inside
 * Suspense). Failures are caught by ErrorBoundary in app.tsx.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    children: [
      { index: true, Component: HomePage },
      { path: 'practice', Component: PracticeSetupPage },
      { path: 'practice/session', Component: PracticeSessionPage },
      { path: 'practice/summary', Component: PracticeSummaryPage },
      { path: 'exam', Component: ExamStartPage },
      { path: 'exam/take', Component: ExamTakePage },
      { path: 'exam/results/:attemptId', Component: ExamResultsPage },
      { path: 'exam/review/:attemptId', Component: ExamReviewPage },
      { path: 'exam/history', Component: ExamHistoryPage },
      { path: 'progress', Component: ProgressPage },
      { path: 'review', Component: ReviewPage },
      { path: 'data', Component: DataPage },
      { path: '*', Component: NotFound },
    ],
  },
];

/**
 * Loads the code of the page at `pathname` (src/main.tsx awaits it before the first render), so a
 * first visit or a reload straight to a lazy page, such as an exam in progress, shows the page
 * itself at once: no "Loading the page" flash, and no wait for Suspense to reveal it.
 */
export async function preloadRoute(pathname: string): Promise<void> {
  const matches = matchRoutes(routes, pathname) ?? [];
  await Promise.all(
    matches.map((match) => (match.route.Component as Partial<LazyPage> | undefined)?.preload?.()),
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. Use the menu above to carry on.</p>
    </>
  );
}
