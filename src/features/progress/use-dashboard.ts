import { useEffect, useMemo, useState } from 'react';
import type { LoadedBank } from '../../engine/load-bank';
import { dashboardFigures, ProgressTracker, type DashboardFigures } from '../../engine/progress';
import { dayOf, type DayNumber } from '../../engine/progress-days';
import { currentHistoryColumns, useHistoryStore } from '../../state/history-store';

/**
 * One tracker per loaded bank, kept for the life of the page: each new answer is added to it
 * (ProgressTracker.syncTo), so the figures never rescan the whole history.
 */
const trackers = new WeakMap<LoadedBank, ProgressTracker>();

function trackerFor(bank: LoadedBank): ProgressTracker {
  let tracker = trackers.get(bank);
  if (tracker === undefined) {
    tracker = new ProgressTracker(bank);
    trackers.set(bank, tracker);
  }
  return tracker;
}

/** The dashboard's figures for a bank, recomputed from running totals when an answer arrives. */
export function useDashboardFigures(bank: LoadedBank, today: DayNumber): DashboardFigures {
  // Read only to recompute when an answer arrives; the figures come from the history's columns.
  const answers = useHistoryStore((s) => s.answers);
  return useMemo(() => {
    const tracker = trackerFor(bank);
    tracker.syncTo(currentHistoryColumns());
    return dashboardFigures(tracker, today);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `answers` is the change signal
  }, [bank, answers, today]);
}

/** The time now, refreshed every minute and on coming back to the tab, and its local day. */
export function useClock(): { now: number; today: DayNumber } {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 60_000);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, []);
  const today = useMemo(() => dayOf(now), [now]);
  return { now, today };
}
