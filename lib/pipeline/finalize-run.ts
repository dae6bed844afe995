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

/** Account-run items read at once. */
const READ_BATCH = 16;

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
    // Read 16 at a time and folded in target order (so a re-run writes the same item), never all held at
    // once: what this keeps is bounded by the run item's own caps plus one small count entry per account.
    const summary = new RunSummaryFold(input.startedAt);
    for (let i = 0; i < targets.length; i += READ_BATCH) {
      const batch = targets.slice(i, i + READ_BATCH);
      const runs = await Promise.all(batch.map((t) => stores.findings.getAccountRun(t.accountId, input.startedAt, input.runId, true)));
      batch.forEach((t, j) => summary.add(t.accountId, runs[j]));
    }
    const { counts, byStatus, openCounts } = summary;
    const finishedAt = summary.finishedAt;
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
      collectionErrors: summary.collectionErrors(),
      ...(summary.coverage ? { coverage: summary.coverage } : {}),
    };
    const committed = await stores.findings.commitRun(run, openCounts);
    await stores.runLock.release(input.executionId);
    return { runId: committed.run.id, status: committed.run.status, counts: committed.run.counts };
  } finally {
    clients.destroy();
  }
}

/**
 * The run item's totals, folded one account at a time. A DynamoDB item holds 400 KB, so an organization's
 * every collection error or coverage entry would not fit in one run item: the first errors are kept with a
 * count of the rest, and coverage is kept only while it fits; each account-run item keeps all of its own.
 */
class RunSummaryFold {
  readonly counts = countByStatus([]);
  readonly byStatus = Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as Record<RunStatus, number>;
  /** Each account's open failures by severity, kept on the run item for the digest's 12-week trend. */
  readonly openCounts: NonNullable<AccountRun['openCountsByAccount']> = {};
  coverage: NonNullable<ScanRun['coverage']> | undefined = [];
  finishedAt: string;
  private readonly keptErrors: ScanRun['collectionErrors'] = [];
  private moreErrors = 0;
  private readonly moreErrorAccounts = new Set<string>();

  constructor(startedAt: string) {
    this.finishedAt = startedAt;
  }

  add(accountId: string, run: AccountRun | undefined): void {
    if (!run) {
      this.byStatus.FAILED += 1;
      this.addErrors([{ accountId, code: 'AccountNotRecorded', operation: 'pipeline:RecordAccount', message: 'The processing of this account failed after its retries; nothing was assessed.' }]);
      return;
    }
    this.byStatus[run.status] += 1;
    for (const [status, n] of Object.entries(run.counts)) this.counts[status as keyof typeof this.counts] = (this.counts[status as keyof typeof this.counts] ?? 0) + n;
    this.addErrors([...run.collectionErrors, ...(run.exportErrors ?? [])]);
    if (this.coverage) {
      this.coverage.push(...(run.coverage ?? []));
      if (this.coverage.length > RUN_ITEM_MAX_COVERAGE) this.coverage = undefined;
    }
    Object.assign(this.openCounts, run.openCountsByAccount);
    if (run.finishedAt > this.finishedAt) this.finishedAt = run.finishedAt;
  }

  collectionErrors(): ScanRun['collectionErrors'] {
    if (this.moreErrors === 0) return [...this.keptErrors];
    return [...this.keptErrors, {
      accountId: [...this.moreErrorAccounts][0] ?? '',
      code: 'MoreErrors',
      operation: 'pipeline:FinalizeRun',
      message: `${this.moreErrors} more collection error(s) in ${this.moreErrorAccounts.size} account(s); each account's run record lists all of its own.`,
    }];
  }

  private addErrors(errors: ScanRun['collectionErrors']): void {
    for (const error of errors) {
      if (this.moreErrors === 0 && this.keptErrors.length < RUN_ITEM_MAX_ERRORS) {
        this.keptErrors.push(error);
      } else {
        // The last kept slot becomes the "more errors" line, as before: the item never exceeds the cap.
        if (this.moreErrors === 0) {
          const displaced = this.keptErrors.pop();
          if (displaced) {
            this.moreErrors += 1;
            this.moreErrorAccounts.add(displaced.accountId);
          }
        }
        this.moreErrors += 1;
        this.moreErrorAccounts.add(error.accountId);
      }
    }
  }
}
