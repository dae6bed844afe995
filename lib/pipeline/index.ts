/**
 * DECLARATION STUB created by the infra engineer because lib/pipeline/index.ts did not exist when
 * functions/ was typechecked. The lead owns this file: replace it with the real implementation.
 * Only the signatures the handlers import are declared; every function throws.
 */
import type { PipelineEnv } from './env.js';
import type { ScanTargetSpec } from './targets.js';

export { loadPipelineEnv, type PipelineEnv } from './env.js';
export type { ScanTargetSpec } from './targets.js';

export interface TargetOutcome {
  accountId: string;
  status: 'COMPLETE' | 'PARTIAL';
  findingsKey: string;
  counts: Record<string, number>;
}
export type TargetOutcomeOrFailure = TargetOutcome | { accountId: string; error: { Error: string; Cause: string } };

function notImplemented(name: string): never {
  throw new Error(`lib/pipeline ${name}: not implemented`);
}

export async function resolveTargets(
  _env: PipelineEnv,
  _input: { runId?: string },
): Promise<{ runId: string; startedAt: string; targets: ScanTargetSpec[] }> {
  return notImplemented('resolveTargets');
}

export async function scanTarget(_env: PipelineEnv, _input: { runId: string; target: ScanTargetSpec }): Promise<TargetOutcome> {
  return notImplemented('scanTarget');
}

export async function finalizeRun(
  _env: PipelineEnv,
  _input: { runId: string; startedAt: string; outcomes: TargetOutcomeOrFailure[] },
): Promise<{ runId: string; status: 'COMPLETE' | 'PARTIAL' | 'FAILED'; counts: Record<string, number> }> {
  return notImplemented('finalizeRun');
}

export async function sendScheduledDigest(_env: PipelineEnv, _input: { now?: string }): Promise<{ sent: boolean; messageId?: string }> {
  return notImplemented('sendScheduledDigest');
}
