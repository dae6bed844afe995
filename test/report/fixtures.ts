import { CHECKS } from '../../lib/checks/registry.js';
import { DEFAULT_THRESHOLDS, describeThresholds } from '../../lib/checks/thresholds.js';
import type { Finding } from '../../lib/model/finding.js';
import { countByStatus, type ScanRun } from '../../lib/model/run.js';
import type { FindingStatus } from '../../lib/model/status.js';

/** Status of the i-th synthetic finding: 30 % FAIL, 4 % ERROR, 2 % SUPPRESSED, 60 % PASS, 4 % NOT_APPLICABLE. */
function statusAt(i: number): FindingStatus {
  const bucket = i % 50;
  if (bucket < 15) return 'FAIL';
  if (bucket < 17) return 'ERROR';
  if (bucket < 18) return 'SUPPRESSED';
  if (bucket < 48) return 'PASS';
  return 'NOT_APPLICABLE';
}

/**
 * `count` findings spread over the real check catalog (real titles, citations and remediation text, so
 * sizes are those of a real report), `accounts` accounts and three regions.
 */
export function syntheticFindings(count: number, accounts: readonly string[] = ['111122223333']): Finding[] {
  const regions = ['us-east-1', 'us-west-2', 'eu-west-1'];
  return Array.from({ length: count }, (_, i) => {
    const check = CHECKS[i % CHECKS.length]!;
    const status = statusAt(Math.floor(i / CHECKS.length) + i);
    const accountId = accounts[i % accounts.length]!;
    const region = regions[i % regions.length]!;
    const id = `${check.service}-resource-${String(i).padStart(6, '0')}`;
    return {
      checkId: check.id,
      title: check.title,
      citations: [...check.citations],
      severity: check.severity,
      status,
      resource: { arn: `arn:aws:${check.service}:${region}:${accountId}:resource/${id}`, id, type: `AWS::${check.service.toUpperCase()}::Resource`, region, accountId },
      reason: status === 'ERROR' ? `Could not read ${id}: AccessDenied on ${check.service}:Describe (the member role lacks it).` : `${id} ${status === 'PASS' ? 'meets' : 'does not meet'} the control of ${check.id}.`,
      remediation: check.remediation,
      ...(status === 'SUPPRESSED'
        ? { suppression: { id: `acc-${i}`, reason: 'Scratch data, no PHI (ticket SEC-12)', approvedBy: 'J. Doe, Security Officer', expiresAt: '2027-03-31' } }
        : {}),
    } satisfies Finding;
  });
}

export function syntheticRun(findings: readonly Finding[], overrides: Partial<ScanRun> = {}): ScanRun {
  const accountIds = [...new Set(findings.map((f) => f.resource.accountId))].sort();
  return {
    id: 'run-20261123T060000Z-abcdef12',
    startedAt: '2026-11-23T06:00:00.000Z',
    finishedAt: '2026-11-23T06:04:12.000Z',
    accountIds: accountIds.length > 0 ? accountIds : ['111122223333'],
    regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
    status: 'PARTIAL',
    counts: countByStatus(findings),
    collectionErrors: [
      { accountId: accountIds[0] ?? '111122223333', region: 'us-west-2', code: 'AccessDeniedException', message: 'User is not authorized to perform: macie2:GetMacieSession', operation: 'macie2:GetMacieSession' },
    ],
    thresholds: describeThresholds({ ...DEFAULT_THRESHOLDS, accessKeyMaxAgeDays: 180 }),
    coverage: [
      { accountId: accountIds[0] ?? '111122223333', region: 'us-east-1', source: 'config', assessed: [{ resourceType: 'AWS::S3::Bucket', count: 12 }], unassessed: [{ resourceType: 'AWS::Glue::Job', count: 12 }, { resourceType: 'AWS::Athena::WorkGroup', count: 3 }] },
      { accountId: accountIds[0] ?? '111122223333', region: 'us-west-2', source: 'unavailable', reason: 'AWS Config is not recording and Resource Explorer has no default view', assessed: [], unassessed: [] },
    ],
    ...overrides,
  };
}
