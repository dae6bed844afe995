import { countByStatus, type RunStatus, type ScanRun } from '../model/run.js';
import type { PipelineEnv } from './env.js';
import { exportAccountToSecurityHub, type SecurityHubExportSummary } from './export-security-hub.js';
import { pipelineStores } from './stores.js';
import { pipelineClients } from './target-clients.js';

/**
 * Per account, after sealing: records the account's run in DynamoDB from its verified, sealed findings
 * (one bounded chunk: this account's states and transitions). An account whose scans all failed, or
 * whose seal failed, is recorded FAILED with the error: nothing it could not assess changes state.
 */
export async function recordAccount(
  env: PipelineEnv,
  input: { runId: string; startedAt: string; accountId: string; error?: { Error: string; Cause: string }; now?: Date },
): Promise<{ accountId: string; status: RunStatus; counts: Record<string, number>; securityHub?: SecurityHubExportSummary }> {
  const clients = pipelineClients(env);
  try {
    const stores = pipelineStores(env, clients);
    if (input.error) {
      const run: ScanRun = {
        id: input.runId,
        startedAt: input.startedAt,
        finishedAt: (input.now ?? new Date()).toISOString(),
        accountIds: [input.accountId],
        regions: [...env.REGIONS],
        status: 'FAILED',
        counts: countByStatus([]),
        collectionErrors: [{
          accountId: input.accountId, code: input.error.Error || 'AccountFailed', operation: 'pipeline:SealAccount',
          message: input.error.Cause.slice(0, 500) || 'The scans or the seal of this account failed; nothing was assessed.',
        }],
      };
      await stores.findings.recordAccountRun(run, []);
      return { accountId: input.accountId, status: 'FAILED', counts: run.counts };
    }
    const sealed = await stores.evidence.readVerifiedFindings(input.accountId, input.runId, input.startedAt);
    await stores.findings.recordAccountRun(sealed.run, sealed.findings);
    const result = { accountId: input.accountId, status: sealed.run.status, counts: sealed.run.counts };
    if (env.SECURITY_HUB !== 'true') return result;
    // After the record: the audit's own record never waits on, or fails with, an export.
    const exported = await exportAccountToSecurityHub(env, clients, sealed);
    if (exported.errors.length > 0) {
      await stores.findings.noteAccountRunExportErrors(input.accountId, sealed.run.startedAt, sealed.run.id, exported.errors);
    }
    return { ...result, securityHub: exported.summary };
  } finally {
    clients.destroy();
  }
}
