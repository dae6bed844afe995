import type { Finding } from '../../lib/model/finding.js';
import type { FindingStatus } from '../../lib/model/status.js';
import type { ScanRun } from '../../lib/model/run.js';
import { countByStatus } from '../../lib/model/run.js';
import type { Suppression } from '../../lib/model/suppressions.js';

/** Test fixtures: small builders so every test states only what matters to it. */

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const KNOWN_CHECKS = ['s3_bucket_encryption', 's3_bucket_public_access', 'iam_root_mfa', 'rds_instance_encryption'];

export interface FindingSpec {
  status?: FindingStatus;
  checkId?: string;
  /** Bucket name / resource id; the ARN is derived. */
  id?: string;
  region?: string;
  accountId?: string;
  severity?: Finding['severity'];
  citations?: string[];
}

export function finding(spec: FindingSpec = {}): Finding {
  const id = spec.id ?? 'phi-bucket';
  const status = spec.status ?? 'FAIL';
  return {
    checkId: spec.checkId ?? 's3_bucket_encryption',
    title: 'S3 buckets encrypt data at rest',
    citations: spec.citations ?? ['164.312(a)(2)(iv)'],
    severity: spec.severity ?? 'high',
    status,
    resource: {
      arn: `arn:aws:s3:::${id}`,
      id,
      type: 'AWS::S3::Bucket',
      region: spec.region ?? 'us-east-1',
      accountId: spec.accountId ?? ACCOUNT,
    },
    reason: `Bucket ${id} is ${status}`,
    remediation: 'Enable default encryption.',
  };
}

export interface RunSpec {
  id: string;
  finishedAt: string;
  status?: ScanRun['status'];
  accountIds?: string[];
  regions?: string[];
  collectionErrors?: ScanRun['collectionErrors'];
}

export function run(spec: RunSpec, findings: readonly Finding[] = []): ScanRun {
  return {
    id: spec.id,
    startedAt: new Date(Date.parse(spec.finishedAt) - 60_000).toISOString(),
    finishedAt: spec.finishedAt,
    accountIds: spec.accountIds ?? [ACCOUNT],
    regions: spec.regions ?? ['us-east-1'],
    status: spec.status ?? 'COMPLETE',
    counts: countByStatus(findings),
    collectionErrors: spec.collectionErrors ?? [],
  };
}

export function suppression(spec: Partial<Suppression> = {}): Suppression {
  return {
    id: 'acc-1',
    accountId: ACCOUNT,
    checkId: 's3_bucket_encryption',
    resourcePattern: 'arn:aws:s3:::phi-bucket',
    reason: 'Legacy bucket, migration planned',
    approvedBy: 'Privacy Officer',
    createdAt: '2025-01-01T00:00:00.000Z',
    expiresAt: '2025-06-30',
    ...spec,
  };
}
