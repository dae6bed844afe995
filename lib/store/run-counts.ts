import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { StatusCountsSchema } from '../model/run.js';

/**
 * What one run left open in one account: FAILs by severity and ERRORs (not assessed). Kept on the
 * run item at record time so "open failures at the end of each of the last 12 weeks" is one bounded
 * query over the period's run items, never a replay of every transition.
 */
export const OpenCountsSchema = z.object({
  critical: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
  notAssessed: z.number().int().nonnegative(),
});
export type OpenCounts = z.infer<typeof OpenCountsSchema>;

/** A run's open counts. `byAccount` is absent on runs recorded before it was kept (only `counts` then). */
export const RunOpenCountsSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  accountIds: z.array(z.string()).min(1),
  counts: StatusCountsSchema,
  openCountsByAccount: z.record(z.string(), OpenCountsSchema).optional(),
});
export type RunOpenCounts = z.infer<typeof RunOpenCountsSchema>;

/** The attributes a trend query reads from a run item (a projection keeps the read small). */
export const RUN_OPEN_COUNTS_ATTRIBUTES = ['id', 'startedAt', 'finishedAt', 'accountIds', 'counts', 'openCountsByAccount'] as const;

export function emptyOpenCounts(): OpenCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, notAssessed: 0 };
}

/** Per account of the run: its FAILs by severity and its ERRORs. Accounts without findings count zero. */
export function openCountsByAccount(accountIds: readonly string[], findings: readonly Finding[]): Record<string, OpenCounts> {
  const byAccount: Record<string, OpenCounts> = Object.fromEntries(accountIds.map((a) => [a, emptyOpenCounts()]));
  for (const f of findings) {
    const counts = (byAccount[f.resource.accountId] ??= emptyOpenCounts());
    if (f.status === 'FAIL') counts[f.severity] += 1;
    else if (f.status === 'ERROR') counts.notAssessed += 1;
  }
  return byAccount;
}
