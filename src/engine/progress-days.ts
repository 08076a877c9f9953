/**
 * Calendar days in the student's own time zone, as whole numbers (days since 1970-01-01 of the
 * local calendar date), so "today", streaks and the trend follow the student's midnight.
 */
export type DayNumber = number;

const DAY_MS = 86_400_000;

/** The local calendar day an instant falls on. */
export function dayOf(ms: number): DayNumber {
  const d = new Date(ms);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/** Epoch ms of the local midnight that starts a day. */
export function startOfDay(day: DayNumber): number {
  const u = new Date(day * DAY_MS);
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate()).getTime();
}

/** The day as an ISO date, "2026-11-23". */
export function isoDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day of an ISO date ("2026-11-23"), or null if it is not one. */
export function dayFromIso(iso: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) || isoDate(ms / DAY_MS) !== iso ? null : ms / DAY_MS;
}
