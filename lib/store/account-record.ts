import { z } from 'zod';
import type { FindingState } from '../model/finding-state.js';
import type { ScanRun } from '../model/run.js';

/**
 * What the store keeps per account instead of touching every state on every run: when the account was last
 * recorded, and per region (`global` included) the newest run that fully assessed it. A state is rewritten
 * only when it changes, so its own `lastSeenAt` is the run that last changed it; the run that last saw it is
 * the newest run that assessed its region (in an assessed region every open state was either reported or
 * marked GONE, see coveredScopes), which is one item per account, written once per run.
 */
export const AccountRecordSchema = z.object({
  accountId: z.string(),
  /** finishedAt of the newest run recorded for the account, whatever its status. */
  lastRecordedAt: z.string().optional(),
  /** Region -> the newest run that fully assessed it. Absent on accounts recorded before it was kept. */
  lastAssessed: z.record(z.string(), z.object({ at: z.string(), runId: z.string() })).optional(),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/**
 * The record after `run`: a max per field, so replaying an older run (or the same one after a crash)
 * never moves anything back. `coveredScopes` are `<accountId>#<region>` (lib/model/transitions.ts).
 */
export function advanceAccountRecord(previous: AccountRecord | undefined, accountId: string, run: ScanRun, coveredScopes: ReadonlySet<string>): AccountRecord {
  const lastAssessed = { ...(previous?.lastAssessed ?? {}) };
  const prefix = `${accountId}#`;
  for (const scope of coveredScopes) {
    if (!scope.startsWith(prefix)) continue;
    const region = scope.slice(prefix.length);
    const known = lastAssessed[region];
    if (!known || known.at < run.finishedAt) lastAssessed[region] = { at: run.finishedAt, runId: run.id };
  }
  const lastRecordedAt = previous?.lastRecordedAt && previous.lastRecordedAt > run.finishedAt ? previous.lastRecordedAt : run.finishedAt;
  return { accountId, lastRecordedAt, lastAssessed };
}

/**
 * A stored state with "last seen" filled in from its account's record: the newest run that assessed its
 * region, when that is later than the run that last changed it. GONE states were last seen when they went.
 */
export function withLastSeen(state: FindingState, record: AccountRecord | undefined): FindingState {
  if (state.gone) return state;
  const assessed = record?.lastAssessed?.[state.finding.resource.region];
  if (!assessed || assessed.at <= state.lastSeenAt) return state;
  return { ...state, lastSeenAt: assessed.at, lastRunId: assessed.runId };
}
