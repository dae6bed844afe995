import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding.js';
import type { ScanRun } from '../../lib/model/run.js';
import { renderTable } from '../../lib/report/table.js';
import { foldLine, wrapText } from '../../lib/report/text-fold.js';

const ACCOUNT = '123456789012';
const LONG_FIX = `aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration '${JSON.stringify({
  Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: '<kms-key-arn>' }, BucketKeyEnabled: true }],
})}' and then ${'also verify the default encryption of every existing object by copying it in place; '.repeat(6)}`;

function finding(checkId: string, status: Finding['status'], severity: Finding['severity'], citation: string, extra: Partial<Finding> = {}): Finding {
  return {
    checkId,
    title: checkId,
    citations: [citation],
    severity,
    status,
    resource: { arn: `arn:aws:s3:::${checkId}-bucket`, id: `${checkId}-bucket`, type: 'AWS::S3::Bucket', region: 'us-east-1', accountId: ACCOUNT },
    reason: `Bucket ${checkId}-bucket is not fine`,
    remediation: 'aws s3api put-public-access-block --bucket <bucket>',
    ...extra,
  };
}

// A critical failure in the last standard, as in the officer's account: the summary must not hide it.
const FINDINGS: Finding[] = [
  finding('s3_bucket_default_encryption', 'FAIL', 'medium', '164.312(a)(2)(iv)', { remediation: LONG_FIX }),
  finding('cloudtrail_enabled', 'FAIL', 'high', '164.312(b)', { reason: 'Trail main\nis not logging:\n\tStatus code 7\u001b[31m' }),
  finding('iam_root_mfa_enabled', 'FAIL', 'critical', '164.312(d)'),
  finding('iam_user_console_mfa_enabled', 'FAIL', 'low', '164.312(d)'),
  finding('kms_key_rotation_enabled', 'ERROR', 'medium', '164.312(a)(2)(iv)'),
  finding('s3_bucket_versioning', 'PASS', 'low', '164.312(c)(1)'),
];
const RUN: ScanRun = {
  id: 'run-20260101T000000Z-abcdefgh',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  accountIds: [ACCOUNT],
  regions: ['us-east-1'],
  status: 'PARTIAL',
  counts: { FAIL: 4, ERROR: 1, SUPPRESSED: 0, PASS: 1, NOT_APPLICABLE: 0 },
  collectionErrors: [{ code: 'AccessDenied', message: 'no', operation: 'kms:GetKeyRotationStatus', accountId: ACCOUNT, region: 'us-east-1' }],
  coverage: [
    { accountId: ACCOUNT, region: 'us-east-1', source: 'config', assessed: [{ resourceType: 'AWS::S3::Bucket', count: 3 }], unassessed: [{ resourceType: 'AWS::Glue::Job', count: 12 }] },
  ],
};

describe('renderTable', () => {
  it('opens with the summary: open failures by severity, results by status, run status, coverage', () => {
    const lines = renderTable(RUN, FINDINGS).split('\n');
    expect(lines.slice(0, 7)).toEqual([
      `HIPAA technical safeguards scan ${RUN.id}`,
      `Account ${ACCOUNT} · regions us-east-1 · ${RUN.startedAt} → ${RUN.finishedAt}`,
      'Open failures: 4 — 1 critical, 1 high, 1 medium, 1 low',
      'Not assessed (ERROR): 1 — 1 medium',
      'Results: 4 fail, 1 error, 0 suppressed, 1 pass, 0 n/a (6 in all)',
      'Run: PARTIAL — 1 API call(s) failed; affected checks report ERROR, not PASS',
      'Coverage: 1 of 1 region(s) inventoried; 12 resource(s) of 1 type(s) not assessed (listed at the end)',
    ]);
    expect(lines.at(-2)).toBe(`  ${ACCOUNT} us-east-1 (AWS Config inventory): AWS::Glue::Job 12`);
  });

  it('sorts by severity within each standard, or in one list with --sort severity', () => {
    const byStandard = renderTable(RUN, FINDINGS);
    expect(byStandard.indexOf('iam_root_mfa_enabled')).toBeLessThan(byStandard.indexOf('iam_user_console_mfa_enabled'));
    const bySeverity = renderTable(RUN, FINDINGS, { sort: 'severity' });
    const order = ['iam_root_mfa_enabled', 'cloudtrail_enabled', 's3_bucket_default_encryption', 'kms_key_rotation_enabled', 'iam_user_console_mfa_enabled'];
    const positions = order.map((id) => bySeverity.indexOf(` ${id}  [`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(bySeverity).not.toContain('== 164.312(d)');
    expect(bySeverity).not.toContain('s3_bucket_versioning');
  });

  it('keeps every line within the width, folds newlines and control characters, shortens long fixes', () => {
    for (const width of [60, 100, 140]) {
      const text = renderTable(RUN, FINDINGS, { width });
      const body = text.split('\n').filter((l) => !l.startsWith(`  ${ACCOUNT}`) && !l.startsWith('  FAIL') && !l.startsWith('  ERROR'));
      for (const line of body) expect(line.length, line).toBeLessThanOrEqual(width);
      expect(text).not.toContain('\t');
      expect(text).not.toContain('\u001b');
      expect(text).toContain('Trail main is not logging: Status code 7?');
      expect(text.replace(/\s+/g, ' ')).toContain('--format json, csv or html has each full command');
    }
  });

  it('fills the resource into the fix command', () => {
    expect(renderTable(RUN, FINDINGS)).toContain('Fix: aws s3api put-public-access-block --bucket iam_root_mfa_enabled-bucket');
  });
});

describe('text folding', () => {
  it('wraps words and cuts a word longer than the line', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/${'x'.repeat(80)}`;
    const lines = wrapText(`Role ${arn} trusts everyone`, 40, '    ');
    expect(lines.every((l) => l.length <= 40 && l.startsWith('    '))).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`Role${arn}trustseveryone`);
    expect(foldLine(' a\r\n b\u2028c\u0007 ')).toBe('a b c?');
  });
});
