import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding.js';
import { renderHtmlReport, REPORT_FORMAT, reportFormatOf } from '../../lib/report/html/index.js';
import { countByStatus, type ScanRun } from '../../lib/model/run.js';

/*
 * `hipaa-audit verify` renders a bundle's reports again and compares bytes with reports of its own
 * REPORT_FORMAT. A markup, stylesheet or script change that keeps the format would make every older
 * bundle's report fail verification, so the page of a fixed input is pinned here: when this fails after
 * an intended change, bump REPORT_FORMAT in lib/report/html/index.ts and update PINNED.
 */
const PINNED = { format: 'hipaa-audit-report/1', sha256: '08dc2bad963d354dc090403a2bedfeee341b553860b08fcfb331e770e0b92d5e' };

const fixed = (status: Finding['status'], id: string): Finding => ({
  checkId: 's3_bucket_default_encryption',
  title: 'S3 bucket encrypts objects at rest',
  citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  severity: 'high',
  status,
  resource: { arn: `arn:aws:s3:::${id}`, id, type: 'AWS::S3::Bucket', region: 'us-east-1', accountId: '111122223333' },
  reason: `Bucket ${id} ${status === 'PASS' ? 'has' : 'has no'} default encryption`,
  remediation: 'aws s3api put-bucket-encryption --bucket <bucket> ...',
  ...(status === 'SUPPRESSED' ? { suppression: { id: 'acc-1', reason: 'No PHI', approvedBy: 'J. Doe', expiresAt: '2027-01-01' } } : {}),
});

/** Fixed by hand, not from the catalog or the default thresholds, which change for reasons of their own. */
const fixedRun = (findings: readonly Finding[]): ScanRun => ({
  id: 'run-20260101T060000Z-fixed000',
  startedAt: '2026-01-01T06:00:00.000Z',
  finishedAt: '2026-01-01T06:01:00.000Z',
  accountIds: ['111122223333'],
  regions: ['us-east-1'],
  status: 'PARTIAL',
  counts: countByStatus(findings),
  collectionErrors: [{ accountId: '111122223333', region: 'us-east-1', code: 'AccessDenied', message: 'denied', operation: 's3:GetBucketEncryption' }],
  thresholds: { values: { auditLogRetentionDays: 2192, accessKeyMaxAgeDays: 180 }, weakerThanDefault: [{ key: 'accessKeyMaxAgeDays', value: 180, default: 90 }], belowHipaaMinimum: [] },
  coverage: [{ accountId: '111122223333', region: 'us-east-1', source: 'config', assessed: [{ resourceType: 'AWS::S3::Bucket', count: 5 }], unassessed: [{ resourceType: 'AWS::Glue::Job', count: 2 }] }],
});

describe('HTML report format', () => {
  it('renders a fixed input to pinned bytes (bump REPORT_FORMAT when the page changes)', () => {
    const findings = [fixed('FAIL', 'exports'), fixed('ERROR', 'unknown'), fixed('SUPPRESSED', 'scratch'), fixed('PASS', 'phi'), fixed('NOT_APPLICABLE', 'none')];
    const page = renderHtmlReport(fixedRun(findings), findings);
    expect(reportFormatOf(page)).toBe(REPORT_FORMAT);
    expect({ format: REPORT_FORMAT, sha256: createHash('sha256').update(page).digest('hex') }).toEqual(PINNED);
  });
});
