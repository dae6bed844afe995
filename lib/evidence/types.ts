import type { RawEvidence } from '../collect/evidence-recorder.js';
import type { Finding } from '../model/finding.js';
import type { ScanRun } from '../model/run.js';
import type { Manifest } from './manifest.js';
import { ExpectedError } from '../model/errors.js';

export interface RunEvidenceInput {
  run: ScanRun;
  findings: readonly Finding[];
  evidence: readonly RawEvidence[];
  accountId: string;
}

export interface WrittenRunEvidence {
  manifestKey: string;
  manifestSha256: string;
  manifest: Manifest;
  /** Every key written (or found already present with identical content) for this run. */
  keys: string[];
}

/** Write-once, tamper-evident storage of one run's evidence (HIPAA 164.316(b)(2)(i)). S3 is the adapter. */
export interface EvidenceStore {
  writeRunEvidence(input: RunEvidenceInput): Promise<WrittenRunEvidence>;
}

/** An object already exists with different content: evidence is never overwritten. */
export class EvidenceConflictError extends ExpectedError {
  constructor(readonly key: string, message?: string) {
    super(message ?? `Evidence object s3 key "${key}" already exists with different content; evidence is never overwritten.`);
    this.name = 'EvidenceConflictError';
  }
}

/** One scan attempt of one account and group of regions (see S3EvidenceStore.storeScanAttempt). */
export interface ScanAttemptInput {
  accountId: string;
  runId: string;
  unitId: string;
  /** Unique per attempt: a retry never writes where an earlier (possibly half-finished) attempt wrote. */
  attemptId: string;
  includeGlobal: boolean;
  run: ScanRun;
  findings: readonly Finding[];
  evidence: readonly RawEvidence[];
}

/** A scan that still failed after the state machine's retries. */
export interface FailedScan {
  regions: string[];
  includeGlobal: boolean;
  code: string;
  message: string;
}

export interface SealInput {
  accountId: string;
  runId: string;
  startedAt: string;
  /** Scan records of the attempts that succeeded, one per scan unit. */
  recordKeys: readonly string[];
  failed: readonly FailedScan[];
}

export interface VerifiedRunFindings {
  run: ScanRun;
  findings: Finding[];
  manifestKey: string;
}

/** Evidence did not match the hash that vouches for it. */
export class EvidenceIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceIntegrityError';
  }
}

/** Every scan of an account failed: there is no evidence to seal, only the failures to record. */
export class NothingToSealError extends Error {
  constructor(accountId: string, runId: string, failed: readonly FailedScan[]) {
    super(`No scan of account ${accountId} in run ${runId} succeeded: ${failed.map((f) => `${f.regions.join(',')}${f.includeGlobal ? '+global' : ''}: ${f.code} ${f.message.slice(0, 200)}`).join('; ') || 'no scans'}`);
    this.name = 'NothingToSealError';
  }
}
