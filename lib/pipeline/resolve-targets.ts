import { newRunId } from '../model/run.js';
import type { PipelineEnv } from './env.js';
import { collectorClients } from './target-clients.js';
import { listTargets, type ScanTargetSpec } from './targets.js';

/** First state: fixes the run id and start time, and lists what to scan. */
export async function resolveTargets(
  env: PipelineEnv,
  input: { runId?: string; now?: Date },
): Promise<{ runId: string; startedAt: string; targets: ScanTargetSpec[] }> {
  const startedAt = input.now ?? new Date();
  const clients = collectorClients(env);
  try {
    const targets = await listTargets(env, clients);
    if (targets.length === 0) throw new Error('No accounts to scan: the Organization listed no ACTIVE accounts.');
    return { runId: input.runId ?? newRunId(startedAt), startedAt: startedAt.toISOString(), targets };
  } finally {
    clients.destroy();
  }
}
