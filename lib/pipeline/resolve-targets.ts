import type { TargetListLocation } from '../evidence/work-store.js';
import { newRunId } from '../model/run.js';
import type { PipelineEnv } from './env.js';
import { pipelineStores } from './stores.js';
import { collectorClients, pipelineClients } from './target-clients.js';
import { AUDIT_RUN_TIMEOUT_HOURS } from './run-timeout.js';
import { listTargets } from './targets.js';

export { AUDIT_RUN_TIMEOUT_HOURS };

export class NoTargetsError extends Error {
  constructor() {
    super('No accounts to scan: the Organization listed no ACTIVE accounts.');
    this.name = 'NoTargetsError';
  }
}

/**
 * First state: takes the run lock (a second execution at the same time is refused), fixes the run id
 * and start time, and writes the target list to the work bucket for the Distributed Map to read. The
 * output is the same size for 1 account or 10,000.
 */
export async function resolveTargets(
  env: PipelineEnv,
  input: { executionId: string; startedAt: string; runId?: string; now?: Date },
): Promise<{ runId: string; startedAt: string; executionId: string; targets: TargetListLocation }> {
  const own = pipelineClients(env);
  const collector = collectorClients(env);
  try {
    const stores = pipelineStores(env, own);
    const startedAt = new Date(input.startedAt);
    const lock = await stores.runLock.acquire(
      {
        executionId: input.executionId,
        runId: input.runId ?? newRunId(startedAt),
        startedAt: startedAt.toISOString(),
        leaseUntil: new Date(startedAt.getTime() + AUDIT_RUN_TIMEOUT_HOURS * 3_600_000).toISOString(),
      },
      input.now ?? new Date(),
    );
    const targets = await listTargets(env, collector);
    if (targets.length === 0) {
      await stores.runLock.release(input.executionId);
      throw new NoTargetsError();
    }
    const location = await stores.work.writeTargetList(lock.runId, targets);
    return { runId: lock.runId, startedAt: lock.startedAt, executionId: input.executionId, targets: location };
  } finally {
    own.destroy();
    collector.destroy();
  }
}
