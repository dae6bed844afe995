import { DigestInputSchema, type DigestFinding, type DigestInput } from '../../lib/digest/input.js';

/** A fixed, fully populated digest (every section non-empty) used by tests and the screenshot script. */

export const NASTY_BUCKET = 'phi-<script>alert("x")</script>&co';

let n = 0;
export function digestFinding(overrides: Partial<DigestFinding> & { id?: string } = {}): DigestFinding {
  n += 1;
  const id = overrides.id ?? `resource-${n}`;
  const accountId = overrides.resource?.accountId ?? '111122223333';
  const region = overrides.resource?.region ?? 'us-east-1';
  const { id: _ignored, ...rest } = overrides;
  return {
    key: `${accountId}#${region}#s3_bucket_default_encryption#${id}`,
    checkId: 's3_bucket_default_encryption',
    title: 'S3 bucket encrypts objects at rest with KMS',
    severity: 'high',
    status: 'FAIL',
    resource: { arn: `arn:aws:s3:::${id}`, id, type: 'AWS::S3::Bucket', region, accountId },
    reason: `Bucket ${id} has no default encryption.`,
    remediation: `aws s3api put-bucket-encryption --bucket ${id} --server-side-encryption-configuration '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}'`,
    citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
    ...rest,
  };
}

const counts = (fail: number, error: number, pass: number, suppressed: number) => ({ fail, error, pass, suppressed });

export function sampleDigestInput(overrides: Partial<DigestInput> = {}): DigestInput {
  const newFailures: DigestInput['newFailures'] = [
    {
      kind: 'NEW',
      at: '2025-07-10T06:00:00.000Z',
      finding: digestFinding({ id: NASTY_BUCKET, severity: 'critical', reason: `Bucket ${NASTY_BUCKET} is public & unencrypted ("all users").` }),
    },
    {
      kind: 'NEW',
      at: '2025-07-10T06:00:00.000Z',
      finding: digestFinding({
        id: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/organization-trail-with-a-very-long-name-that-needs-wrapping',
        checkId: 'cloudtrail_multi_region_enabled',
        title: 'CloudTrail logs management events in all regions',
        resource: { arn: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/organization-trail-with-a-very-long-name-that-needs-wrapping', id: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/organization-trail-with-a-very-long-name-that-needs-wrapping', type: 'AWS::CloudTrail::Trail', region: 'us-east-1', accountId: '111122223333' },
        reason: 'Trail organization-trail-with-a-very-long-name-that-needs-wrapping is single-region.',
        remediation: 'aws cloudtrail update-trail --name organization-trail --is-multi-region-trail',
        citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
      }),
    },
    {
      kind: 'REGRESSED',
      at: '2025-07-11T06:00:00.000Z',
      finding: digestFinding({
        id: 'alice',
        checkId: 'iam_user_mfa_enabled',
        title: 'IAM users with console access have MFA',
        severity: 'medium',
        resource: { arn: 'arn:aws:iam::444455556666:user/alice', id: 'alice', type: 'AWS::IAM::User', region: 'global', accountId: '444455556666' },
        reason: 'User alice has a console password and no MFA device.',
        remediation: 'IAM console > Users > alice > Security credentials > Assign MFA device.',
        citations: ['164.312(d)'],
      }),
    },
  ];
  const oldest: DigestInput['oldestOpenFailures'] = Array.from({ length: 20 }, (_, i) => ({
    failingSince: new Date(Date.UTC(2025, 0, 1 + i * 7)).toISOString(),
    ageDays: 193 - i * 7,
    finding: digestFinding({ id: `legacy-bucket-${i + 1}`, severity: i % 3 === 0 ? 'high' : 'low' }),
  }));
  const input: DigestInput = {
    organizationName: 'Acme Health <Clinics> & "Partners"',
    generatedAt: '2025-07-13T07:00:00.000Z',
    period: { from: '2025-07-06T07:00:00.000Z', to: '2025-07-13T07:00:00.000Z' },
    accounts: ['111122223333', '444455556666'],
    regions: ['us-east-1', 'us-west-2'],
    runs: [
      { id: 'run-20250713T060000Z-abc12345', status: 'PARTIAL', startedAt: '2025-07-13T06:00:00.000Z', finishedAt: '2025-07-13T06:04:12.000Z', accountIds: ['111122223333', '444455556666'], regions: ['us-east-1', 'us-west-2'], collectionErrorCount: 2 },
    ],
    runStatus: 'PARTIAL',
    posture: { asOf: '2025-07-13T07:00:00.000Z', totals: counts(24, 2, 180, 3), byStandard: {} },
    previousPosture: { asOf: '2025-07-06T07:00:00.000Z', totals: counts(22, 0, 178, 3), byStandard: {} },
    postureByStandard: [
      { standard: '164.312(a) Access control', current: counts(21, 0, 60, 2), previous: counts(20, 0, 61, 2) },
      { standard: '164.312(b) Audit controls', current: counts(1, 2, 20, 0), previous: counts(0, 0, 23, 0) },
      { standard: '164.312(d) Person or entity authentication', current: counts(1, 0, 30, 0), previous: counts(2, 0, 29, 0) },
      { standard: '164.312(e) Transmission security', current: counts(1, 0, 40, 1), previous: counts(1, 0, 40, 1) },
      { standard: '164.308(a)(1) Security management process', current: counts(1, 0, 10, 0), previous: counts(0, 0, 11, 0) },
      { standard: '164.308(a)(2) Assigned security responsibility', current: counts(1, 0, 1, 0), previous: counts(1, 0, 1, 0) },
    ],
    newFailures,
    resolved: [
      { at: '2025-07-09T06:00:00.000Z', finding: digestFinding({ id: 'billing-exports', status: 'PASS' }) },
      { at: '2025-07-12T06:00:00.000Z', finding: digestFinding({ id: 'bob', checkId: 'iam_user_mfa_enabled', title: 'IAM users with console access have MFA', status: 'PASS', resource: { arn: 'arn:aws:iam::111122223333:user/bob', id: 'bob', type: 'AWS::IAM::User', region: 'global', accountId: '111122223333' } }) },
    ],
    openFailureCount: 24,
    oldestOpenFailures: oldest,
    errors: [
      {
        since: '2025-07-13T06:00:00.000Z',
        lastAssessedStatus: 'PASS',
        finding: digestFinding({ id: 'us-west-2', checkId: 'cloudtrail_log_file_validation', title: 'CloudTrail log file validation is enabled', status: 'ERROR', resource: { arn: 'arn:aws:cloudtrail:us-west-2:111122223333:trail/*', id: 'us-west-2', type: 'AWS::CloudTrail::Trail', region: 'us-west-2', accountId: '111122223333' }, reason: 'AccessDeniedException on cloudtrail:DescribeTrails: the audit role lacks cloudtrail:DescribeTrails.', citations: ['164.312(b)'] }),
      },
      {
        since: '2025-07-13T06:00:00.000Z',
        finding: digestFinding({ id: 'us-west-2', checkId: 'cloudtrail_cloudwatch_logs', title: 'CloudTrail delivers to CloudWatch Logs', status: 'ERROR', resource: { arn: 'arn:aws:cloudtrail:us-west-2:111122223333:trail/*', id: 'us-west-2', type: 'AWS::CloudTrail::Trail', region: 'us-west-2', accountId: '111122223333' }, reason: 'ThrottlingException on cloudtrail:GetTrailStatus after 5 attempts.', citations: ['164.312(b)'] }),
      },
    ],
    activeAcceptances: [
      { id: 'sup-1', accountId: '111122223333', checkId: 's3_bucket_access_logging', resourcePattern: 'arn:aws:s3:::legacy-*', reason: 'Legacy buckets scheduled for deletion in Q3.', approvedBy: 'Dana Officer', expiresAt: '2025-07-20T00:00:00.000Z', expiresOn: '2025-07-19', allResources: false, days: 7, findingCount: 3 },
    ],
    expiringAcceptances: [
      { id: 'sup-1', accountId: '111122223333', checkId: 's3_bucket_access_logging', resourcePattern: 'arn:aws:s3:::legacy-*', reason: 'Legacy buckets scheduled for deletion in Q3.', approvedBy: 'Dana Officer', expiresAt: '2025-07-20T00:00:00.000Z', expiresOn: '2025-07-19', allResources: false, days: 7, findingCount: 3 },
    ],
    expiredAcceptances: [
      { id: 'sup-0', accountId: '*', checkId: 'rds_instance_backup_enabled', resourcePattern: 'arn:aws:rds:us-east-1:111122223333:db:scratch', reason: 'Scratch database without PHI.', approvedBy: 'Dana Officer', expiresAt: '2025-07-01T00:00:00.000Z', expiresOn: '2025-06-30', allResources: false, days: 12, findingCount: 0 },
    ],
    notLookedAt: [
      {
        accountId: '111122223333',
        region: 'us-east-1',
        source: 'config',
        assessed: [{ resourceType: 'AWS::S3::Bucket', count: 14 }],
        unassessed: [
          { resourceType: 'AWS::Glue::Job', count: 12 },
          { resourceType: 'AWS::Athena::WorkGroup', count: 3 },
        ],
      },
      { accountId: '444455556666', region: 'us-west-2', source: 'unavailable', reason: 'inventory unavailable: AWS Config records no resources here (no recorder running); Resource Explorer has no default view in this region', assessed: [], unassessed: [] },
    ],
    securityContact: {
      officerEmails: ['security.officer@acme-health.example'],
      accounts: [
        { accountId: '111122223333', status: 'OK', detail: 'SECURITY contact is security.officer@acme-health.example.' },
        { accountId: '444455556666', status: 'MISSING', detail: 'Account 444455556666 has no SECURITY alternate contact.' },
      ],
    },
    bundleLink: { url: 'https://evidence.example/bundle.zip?X-Amz-Signature=abc&X-Amz-Expires=604800', expiresAt: '2025-07-20T07:00:00.000Z' },
    ...overrides,
  };
  return DigestInputSchema.parse(input);
}
