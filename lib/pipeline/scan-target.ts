import { randomUUID } from 'node:crypto';
import { applySuppressions } from '../model/suppressions.js';
import { countByStatus } from '../model/run.js';
import { scanAccount } from '../scan/scan-account.js';
import { pipelineThresholds, type PipelineEnv } from './env.js';
import { callerPartition, pipelineStores } from './stores.js';
import { clientsForTarget, pipelineClients } from './target-clients.js';
import { unitIdOf, type ScanTargetSpec } from './targets.js';

export interface TargetOutcome {
  accountId: string;
  regions: string[];
  includeGlobal: boolean;
  status: 'COMPLETE' | 'PARTIAL';
  /** Work-bucket key of this attempt's scan record; the seal reads it (Step Functions payloads stay small). */
  recordKey: string;
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
 * One scan unit (an account's region, the first with global services): collect and evaluate, apply
 * risk acceptances, and store this attempt's raw evidence and scan record under a fresh attempt id, so
 * a retry after a timeout or crash never collides with what an earlier attempt half wrote.
 */
export async function scanTarget(
  env: PipelineEnv,
  input: { runId: string; target: ScanTargetSpec; now?: () => Date; attemptId?: string },
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
    const { recordKey } = await stores.evidence.storeScanAttempt({
      accountId, runId: input.runId, unitId: unitIdOf(target), attemptId: input.attemptId ?? randomUUID(),
      includeGlobal: target.includeGlobal, run, findings, evidence: result.evidence,
    });
    return {
      accountId,
      regions: [...target.regions],
      includeGlobal: target.includeGlobal,
      status: run.status === 'COMPLETE' ? 'COMPLETE' : 'PARTIAL',
      recordKey,
      counts: run.counts,
    };
  } finally {
    targetClients.destroy();
    own.destroy();
  }
}
