import { Link, useLocation } from 'react-router';
import { useExamStore } from './exam-store';

/** On every page but the exam itself: a reminder that an exam is in progress, and a way back. */
export function ExamInProgressBanner() {
  const inProgress = useExamStore((s) => s.current !== null);
  const { pathname } = useLocation();
  if (!inProgress || pathname.startsWith('/exam')) return null;
  return (
    <p className="banner">
      You have a mock exam in progress. <Link to="/exam/take">Resume it</Link>
    </p>
  );
}
