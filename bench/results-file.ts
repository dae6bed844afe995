import { readFile } from 'node:fs/promises';
import type { MeasuredPoint } from './organization.js';
import type { ProgressLog } from './progress.js';

// bench/results.json is committed: each run merges into it, so running one part (or one organization size)
// never drops the figures of the others.

/** The results file's current content; {} when there is none. */
export async function readResults(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  // A file that does not parse is not overwritten: it may hold figures nobody wants to lose.
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Stored organization points to keep beside the new ones: a size measured again is replaced; a point stored
 * without the fields the extrapolation needs is dropped, with a note.
 */
export function keptOrganizationPoints(existing: unknown, measured: readonly MeasuredPoint[], log: ProgressLog): MeasuredPoint[] {
  const points = Array.isArray(existing) ? (existing as Partial<MeasuredPoint>[]) : [];
  return points.filter((p): p is MeasuredPoint => {
    if (measured.some((q) => q.accounts === p.accounts)) return false;
    if (typeof p.scannedAccounts === 'number' && p.accountExecutionSeconds !== undefined && typeof p.regionRoundSeconds === 'number') return true;
    log(`organization: dropping the stored ${p.accounts}-account point (recorded without the figures the extrapolation reads; run it again)`);
    return false;
  });
}
