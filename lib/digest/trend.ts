import { z } from 'zod';
import type { RunOpenCounts } from '../store/run-counts.js';

/** Weeks shown in the digest's trend: a quarter, enough to answer "are we getting better?". */
export const TREND_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

const count = z.number().int().nonnegative();

/** Open failures by severity and not-assessed checks at the end of one week. */
export const TrendPointSchema = z.object({
  weekEnding: z.iso.datetime({ offset: true }),
  /** Absent when no run had finished by then (a gap, not a zero). */
  open: z
    .object({
      critical: count,
      high: count,
      medium: count,
      low: count,
      /** FAILs of runs recorded before severities were kept on the run item. */
      severityNotRecorded: count,
      notAssessed: count,
    })
    .optional(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;
export type TrendCounts = NonNullable<TrendPoint['open']>;

export function trendWindowStart(to: Date, weeks = TREND_WEEKS): Date {
  return new Date(to.getTime() - weeks * WEEK_MS);
}

export function failTotal(c: TrendCounts): number {
  return c.critical + c.high + c.medium + c.low + c.severityNotRecorded;
}

/**
 * The state at the end of each of the last `weeks` weeks, the last one ending at `to`: per account,
 * the newest run finished by then (the same rule the digest uses for "latest run per account"), so a
 * multi-account organization is summed once per account.
 */
export function computeTrend(runs: readonly RunOpenCounts[], to: Date, weeks = TREND_WEEKS): TrendPoint[] {
  const newestFirst = [...runs].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
  const points: TrendPoint[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const end = new Date(to.getTime() - i * WEEK_MS);
    const weekEnding = end.toISOString();
    const open: TrendCounts = { critical: 0, high: 0, medium: 0, low: 0, severityNotRecorded: 0, notAssessed: 0 };
    const covered = new Set<string>();
    for (const run of newestFirst) {
      if (Date.parse(run.finishedAt) > end.getTime()) continue;
      const fresh = run.accountIds.filter((a) => !covered.has(a));
      if (fresh.length === 0) continue;
      if (run.openCountsByAccount) {
        for (const a of fresh) {
          const c = run.openCountsByAccount[a];
          if (!c) continue;
          open.critical += c.critical;
          open.high += c.high;
          open.medium += c.medium;
          open.low += c.low;
          open.notAssessed += c.notAssessed;
        }
      } else if (fresh.length === run.accountIds.length) {
        // An older run item: only its status totals exist, and only for all its accounts at once.
        open.severityNotRecorded += run.counts.FAIL ?? 0;
        open.notAssessed += run.counts.ERROR ?? 0;
      }
      for (const a of fresh) covered.add(a);
    }
    points.push(covered.size > 0 ? { weekEnding, open } : { weekEnding });
  }
  return points;
}

/** `2025-07-13: 1 critical, 12 high, 3 medium, 0 low; 2 not assessed` (text body and alt text). */
export function trendLine(p: TrendPoint): string {
  const day = p.weekEnding.slice(0, 10);
  if (!p.open) return `${day}: no run yet`;
  const o = p.open;
  const unknown = o.severityNotRecorded > 0 ? `, ${o.severityNotRecorded} severity not recorded` : '';
  return `${day}: ${failTotal(o)} open failures (${o.critical} critical, ${o.high} high, ${o.medium} medium, ${o.low} low${unknown}); ${o.notAssessed} not assessed`;
}
