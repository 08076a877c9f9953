import { useEffect, useState } from 'react';

/** The wall-clock time, refreshed every second while mounted: the exam clock is derived from it. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    const onVisible = () => setNow(Date.now());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
  return now;
}

/** Minutes and seconds left, as exam clocks show them: 59:07, 75:00. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** "1 hour 5 minutes", "12 minutes", "40 seconds": durations in words for results. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes === 0) return `${Math.round(ms / 1000)} seconds`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m > 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}
