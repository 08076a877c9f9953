import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ExamInProgressBanner } from '../features/exam/exam-in-progress-banner';
import { Loading } from '../ui/bank-status';
import { ReloadPrompt } from './reload-prompt';
import { SiteHeader } from './site-header';
import { StorageProblemsBanner } from '../ui/storage-problems-banner';

/**
 * The frame of every page: skip link, header with navigation (and install button), the page
 * itself, a footer with the way to the student's data, and the update notice.
 */
export function Layout() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <StorageProblemsBanner />
        <ExamInProgressBanner />
        {/* Shown only on a first visit straight to a page whose code has not loaded yet. */}
        <Suspense fallback={<Loading what="the page" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          <NavLink to="/data">Your data</NavLink>: back up your progress, or move it to another
          device.
        </p>
      </footer>
      <ReloadPrompt />
    </>
  );
}
