import { UsageError } from './errors.js';

const DAY_MS = 86_400_000;

/**
 * `--since` accepts a calendar date (`2025-07-01`, UTC midnight) or a relative `7d`.
 * The period ends at `now`, so a digest always covers everything up to the moment it was built.
 */
export function parsePeriod(since: string | undefined, now: Date): { from: string; to: string } {
  const value = (since ?? '7d').trim();
  const relative = /^(\d{1,4})d$/.exec(value);
  let from: Date;
  if (relative) {
    const days = Number(relative[1]);
    if (days < 1) throw new UsageError(`--since "${value}": use at least 1d.`);
    from = new Date(now.getTime() - days * DAY_MS);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    from = new Date(`${value}T00:00:00.000Z`);
    // Date parsing rolls 2025-02-30 over to March; reject instead of silently shifting the period.
    if (Number.isNaN(from.getTime()) || from.toISOString().slice(0, 10) !== value) throw new UsageError(`--since "${value}" is not a valid date.`);
  } else {
    throw new UsageError(`--since "${value}" must be a date (YYYY-MM-DD) or a number of days (e.g. 7d).`);
  }
  if (from.getTime() >= now.getTime()) throw new UsageError(`--since "${value}" is not in the past.`);
  return { from: from.toISOString(), to: now.toISOString() };
}
