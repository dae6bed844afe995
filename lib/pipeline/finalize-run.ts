import pLimit from 'p-limit';
import { countByStatus, RUN_STATUSES, type RunStatus, type ScanRun } from '../model/run.js';
import type { AccountRun } from '../store/dynamodb/findings-store.js';
import type { PipelineEnv } from './env.js';
import { pipelineStores } from './stores.js';
import { pipelineClients } from './target-clients.js';

/** The run item keeps at most this many collection errors; every account-run item keeps all of its own. */
export const RUN_ITEM_MAX_ERRORS = 100;
/**
 * Region coverage entries the run item can hold within DynamoDB's 400 KB item limit. A larger
 * organization's run item carries none (shown as not known, never as fully assessed); each account-run
 * item keeps its own.
 */
export const RUN_ITEM_MAX_COVERAGE = 300;

/**
 * Last state: reads each target account's recorded part of the run (a small item each, never the
 * findings), decides COMPLETE / PARTIAL / FAILED, writes the run item, and releases the run lock. An
 * account with no record (its processing failed beyond every Catch) counts as failed. Idempotent.
 */
export async function finalizeRun(
  env: PipelineEnv,
  input: { runId: string; startedAt: string; executionId: string; now?: Date },
): Promise<{ runId: string; status: RunStatus; counts: Record<string, number> }> {
  const clients = pipelineClients(env);
  try {
    const stores = pipelineStores(env, clients);
    const targets = await stores.work.readTargetList(input.runId);
    const limit = pLimit(16);
    const accountRuns = await Promise.all(
      targets.map((t) => limit(async () => ({ accountId: t.accountId, run: await stores.findings.getAccountRun(t.accountId, input.startedAt, input.runId, true) }))),
    );
    const counts = countByStatus([]);
    const errors: ScanRun['collectionErrors'] = [];
    const coverage: NonNullable<ScanRun['coverage']> = [];
    // Each account's open failures by severity, kept on the run item for the digest's 12-week trend.
    const openCounts: NonNullable<AccountRun['openCountsByAccount']> = {};
    const byStatus = Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as Record<RunStatus, number>;
    let finishedAt = input.startedAt;
    for (const { accountId, run } of accountRuns) {
      if (!run) {
        byStatus.FAILED += 1;
        errors.push({ accountId, code: 'AccountNotRecorded', operation: 'pipeline:RecordAccount', message: 'The processing of this account failed after its retries; nothing was assessed.' });
        continue;
      }
      byStatus[run.status] += 1;
      for (const [status, n] of Object.entries(run.counts)) counts[status as keyof typeof counts] = (counts[status as keyof typeof counts] ?? 0) + n;
      errors.push(...run.collectionErrors, ...(run.exportErrors ?? []));
      coverage.push(...(run.coverage ?? []));
      Object.assign(openCounts, run.openCountsByAccount);
      if (run.finishedAt > finishedAt) finishedAt = run.finishedAt;
    }
    const assessed = byStatus.COMPLETE + byStatus.PARTIAL;
    const status: RunStatus = assessed === 0 ? 'FAILED' : assessed < targets.length || byStatus.PARTIAL > 0 ? 'PARTIAL' : 'COMPLETE';
    const run: ScanRun = {
      id: input.runId,
      startedAt: input.startedAt,
      finishedAt: finishedAt > input.startedAt ? finishedAt : (input.now ?? new Date()).toISOString(),
      accountIds: targets.map((t) => t.accountId),
      regions: [...env.REGIONS],
      status,
      counts,
      collectionErrors: capErrors(errors),
      ...(coverage.length <= RUN_ITEM_MAX_COVERAGE ? { coverage } : {}),
    };
    const committed = await stores.findings.commitRun(run, openCounts);
    await stores.runLock.release(input.executionId);
    return { runId: committed.run.id, status: committed.run.status, counts: committed.run.counts };
  } finally {
    clients.destroy();
  }
}

/** A DynamoDB item holds 400 KB: an organization's every collection error would not fit in one run item. */
function capErrors(errors: ScanRun['collectionErrors']): ScanRun['collectionErrors'] {
  if (errors.length <= RUN_ITEM_MAX_ERRORS) return errors;
  const kept = errors.slice(0, RUN_ITEM_MAX_ERRORS - 1);
  const accounts = new Set(errors.slice(RUN_ITEM_MAX_ERRORS - 1).map((e) => e.accountId));
  return [...kept, {
    accountId: [...accounts][0] ?? '',
    code: 'MoreErrors',
    operation: 'pipeline:FinalizeRun',
    message: `${errors.length - kept.length} more collection error(s) in ${accounts.size} account(s); each account's run record lists all of its own.`,
  }];
}
