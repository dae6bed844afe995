import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { sha256Hex } from '../evidence/hashing.js';
import { FINDINGS_JSON_FILE, MANIFEST_FILE, runPrefix } from '../evidence/layout.js';
import { ManifestSchema } from '../evidence/manifest.js';
import { getObjectBytes } from '../evidence/s3-objects.js';
import { FindingSchema, type Finding } from '../model/finding.js';
import { countByStatus, type RunStatus, type ScanRun } from '../model/run.js';
import type { PipelineEnv } from './env.js';
import type { TargetOutcome } from './scan-target.js';
import { pipelineStores } from './stores.js';
import { pipelineClients } from './target-clients.js';

export type TargetFailure = { accountId: string; error: { Error: string; Cause: string } };
export type TargetOutcomeOrFailure = TargetOutcome | TargetFailure;

export class EvidenceIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceIntegrityError';
  }
}

const isFailure = (o: TargetOutcomeOrFailure): o is TargetFailure => 'error' in o;

/**
 * Last state: gathers every target's findings from the signed evidence (checking them against the
 * manifest hash), records the run and its transitions, and decides COMPLETE / PARTIAL / FAILED.
 * A failed target is recorded as a collection error for its whole account, so nothing it could not
 * assess is marked RESOLVED or GONE.
 */
export async function finalizeRun(
  env: PipelineEnv,
  input: { runId: string; startedAt: string; outcomes: TargetOutcomeOrFailure[]; now?: Date },
): Promise<{ runId: string; status: RunStatus; counts: Record<string, number> }> {
  const clients = pipelineClients(env);
  try {
    const s3 = clients.get(S3Client, env.AWS_REGION);
    const stores = pipelineStores(env, clients);
    const findings: Finding[] = [];
    const collectionErrors: ScanRun['collectionErrors'] = [];
    const accountIds = new Set<string>();
    let partial = false;

    for (const outcome of input.outcomes) {
      accountIds.add(outcome.accountId);
      if (isFailure(outcome)) {
        partial = true;
        collectionErrors.push({
          accountId: outcome.accountId,
          code: outcome.error.Error || 'TargetFailed',
          message: outcome.error.Cause.slice(0, 500) || 'The scan of this account failed; nothing was assessed.',
          operation: 'pipeline:ScanTarget',
        });
        continue;
      }
      const target = await readTargetEvidence(s3, env.EVIDENCE_BUCKET, outcome.accountId, input.runId);
      findings.push(...target.findings);
      collectionErrors.push(...target.collectionErrors);
      if (outcome.status === 'PARTIAL' || target.collectionErrors.length > 0) partial = true;
    }

    const succeeded = input.outcomes.filter((o) => !isFailure(o)).length;
    const status: RunStatus = succeeded === 0 ? 'FAILED' : partial ? 'PARTIAL' : 'COMPLETE';
    const run: ScanRun = {
      id: input.runId,
      startedAt: input.startedAt,
      finishedAt: (input.now ?? new Date()).toISOString(),
      accountIds: [...accountIds].sort(),
      regions: [...env.REGIONS],
      status,
      counts: countByStatus(findings),
      collectionErrors,
    };
    if (run.accountIds.length === 0) throw new Error('FinalizeRun received no target outcomes.');
    await stores.findings.recordRun(run, findings);
    return { runId: run.id, status, counts: run.counts };
  } finally {
    clients.destroy();
  }
}

async function readTargetEvidence(
  s3: S3Client,
  bucket: string,
  accountId: string,
  runId: string,
): Promise<{ findings: Finding[]; collectionErrors: ScanRun['collectionErrors'] }> {
  const prefix = runPrefix(accountId, runId);
  const manifest = ManifestSchema.parse(JSON.parse((await getObjectBytes(s3, bucket, prefix + MANIFEST_FILE)).toString('utf8')));
  const entry = manifest.entries.find((e) => e.path === FINDINGS_JSON_FILE);
  const bytes = await getObjectBytes(s3, bucket, prefix + FINDINGS_JSON_FILE);
  if (!entry || entry.sha256 !== sha256Hex(bytes)) {
    throw new EvidenceIntegrityError(`${prefix}${FINDINGS_JSON_FILE} does not match its manifest hash; refusing to record it.`);
  }
  const findings = z.array(FindingSchema).parse(JSON.parse(bytes.toString('utf8')));
  return { findings, collectionErrors: manifest.run.collectionErrors };
}
