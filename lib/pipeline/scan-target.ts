import { FINDINGS_JSON_FILE, runPrefix } from '../evidence/layout.js';
import { applySuppressions } from '../model/suppressions.js';
import { countByStatus } from '../model/run.js';
import { scanAccount } from '../scan/scan-account.js';
import { pipelineThresholds, type PipelineEnv } from './env.js';
import { callerPartition, pipelineStores } from './stores.js';
import { clientsForTarget, pipelineClients } from './target-clients.js';
import type { ScanTargetSpec } from './targets.js';

export interface TargetOutcome {
  accountId: string;
  status: 'COMPLETE' | 'PARTIAL';
  /** S3 key of the target's findings.json; FinalizeRun reads it (Step Functions payloads are small). */
  findingsKey: string;
  counts: Record<string, number>;
}

/** Thrown when the assumed role landed in another account than the target: never store such a scan. */
export class TargetMismatchError extends Error {
  constructor(expected: string, actual: string) {
    super(`Scanning target ${expected} reached account ${actual}; check the member role trust and name.`);
    this.name = 'TargetMismatchError';
  }
}

/**
 * One Map item: collect and evaluate one account, apply risk acceptances, and write its evidence
 * (signed manifest, chained to the account's previous run) before reporting success.
 */
export async function scanTarget(
  env: PipelineEnv,
  input: { runId: string; target: ScanTargetSpec; now?: () => Date },
): Promise<TargetOutcome> {
  const own = pipelineClients(env);
  const { target } = input;
  const partition = (await callerPartition(own, env.AWS_REGION)) ?? 'aws';
  const targetClients = clientsForTarget(env, target.accountId, partition);
  try {
    const stores = pipelineStores(env, own);
    const now = input.now ?? (() => new Date());
    const result = await scanAccount({
      clients: targetClients,
      regions: target.regions,
      homeRegion: target.regions[0] ?? env.AWS_REGION,
      includeGlobal: target.includeGlobal,
      concurrency: env.SCAN_CONCURRENCY,
      thresholds: pipelineThresholds(env),
      runId: input.runId,
      now,
    });
    const accountId = result.run.accountIds[0] ?? '';
    if (accountId !== target.accountId) throw new TargetMismatchError(target.accountId, accountId);

    const suppressions = await stores.suppressions.list();
    const findings = applySuppressions(result.findings, suppressions, now());
    const run = { ...result.run, counts: countByStatus(findings) };
    await stores.evidence.writeRunEvidence({ run, findings, evidence: result.evidence, accountId });
    return {
      accountId,
      status: run.status === 'COMPLETE' ? 'COMPLETE' : 'PARTIAL',
      findingsKey: runPrefix(accountId, input.runId) + FINDINGS_JSON_FILE,
      counts: run.counts,
    };
  } finally {
    targetClients.destroy();
    own.destroy();
  }
}
