import type { RunStatus } from '../model/run.js';
import type { PipelineEnv } from './env.js';
import type { TargetOutcome } from './scan-target.js';
import { pipelineStores } from './stores.js';
import { pipelineClients } from './target-clients.js';

/** What the state machine's Catch turns a scan that failed after its retries into. */
export type ScanFailure = { accountId: string; regions: string[]; includeGlobal: boolean; error: { Error: string; Cause: string } };
export type ScanOutcomeOrFailure = TargetOutcome | ScanFailure;

const isFailure = (o: ScanOutcomeOrFailure): o is ScanFailure => 'error' in o;

export interface SealedAccount {
  accountId: string;
  status: RunStatus;
  manifestKey: string;
  counts: Record<string, number>;
}

/**
 * Per account, after its scans: the one writer of the account's evidence chain. Seals the attempts that
 * succeeded into findings, manifest, signature and chain link; scans that failed become collection
 * errors of their regions. Retry-safe: the same input seals to the same bytes.
 */
export async function sealAccount(
  env: PipelineEnv,
  input: { runId: string; startedAt: string; accountId: string; scans: ScanOutcomeOrFailure[] },
): Promise<SealedAccount> {
  const clients = pipelineClients(env);
  try {
    const { evidence } = pipelineStores(env, clients);
    const sealed = await evidence.sealAccountRun({
      accountId: input.accountId,
      runId: input.runId,
      startedAt: input.startedAt,
      recordKeys: input.scans.filter((s): s is TargetOutcome => !isFailure(s)).map((s) => s.recordKey),
      failed: input.scans.filter(isFailure).map((f) => ({
        regions: f.regions, includeGlobal: f.includeGlobal, code: f.error.Error || 'ScanFailed', message: f.error.Cause || 'The scan failed after its retries.',
      })),
    });
    const run = sealed.manifest.run;
    return { accountId: input.accountId, status: run.status, manifestKey: sealed.manifestKey, counts: run.counts };
  } finally {
    clients.destroy();
  }
}
