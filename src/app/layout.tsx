import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ExamInProgressBanner } from '../features/exam/exam-in-progress-banner';
import { Loading } from '../ui/bank-status';
import { InstallButton } from './install-button';
import { ReloadPrompt } from './reload-prompt';
import { StorageProblemsBanner } from '../ui/storage-problems-banner';

/**
 * The frame of every page: skip link, header with navigation (and install button), the page
 * itself, a footer with the way to the student's data, and the update notice.
 */
export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          ITIL Foundation practice
        </NavLink>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/practice">Practice</NavLink>
            </li>
            <li>
              <NavLink to="/exam">Mock exam</NavLink>
            </li>
            <li>
              <NavLink to="/progress">Progress</NavLink>
            </li>
          </ul>
        </nav>
        <InstallButton />
      </header>
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
