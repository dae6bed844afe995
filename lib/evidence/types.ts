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
