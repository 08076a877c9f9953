import type { DayNumber } from '../engine/progress-days';

const DAY_MS = 86_400_000;
// Day numbers are calendar dates, so they are formatted as UTC dates; British English throughout.
const short = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const long = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const axis = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "Mon 23 Nov". */
export const formatDayShort = (day: DayNumber) => short.format(day * DAY_MS);
/** "Monday 23 November 2026". */
export const formatDayLong = (day: DayNumber) => long.format(day * DAY_MS);
/** "23 Nov", for chart axes. */
export const formatDayAxis = (day: DayNumber) => axis.format(day * DAY_MS);
/** "14:05", local time. */
export const formatClockTime = (ms: number) => clock.format(ms);

/** "today", "yesterday", "3 days ago". */
export function daysAgo(day: DayNumber, today: DayNumber): string {
  const n = today - day;
  if (n <= 0) return 'today';
  if (n === 1) return 'yesterday';
  return `${n} days ago`;
}

/** "1 question", "3 questions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
