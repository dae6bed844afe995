import { daysBetween } from '../../kit/results.js';

/** The most recent of some ISO timestamps, or null when none is known. */
export function latest(dates: readonly (string | null)[]): string | null {
  const known = dates.filter((d): d is string => d !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => (new Date(a) >= new Date(b) ? a : b));
}

/** Whole days from `date` to `now`, never negative (a timestamp after `now` counts as today). */
export function ageDays(date: string, now: Date): number {
  return Math.max(0, daysBetween(date, now));
}

export function day(date: string): string {
  return date.slice(0, 10);
}
