import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding.js';
import { ASFF_LIMITS, asffResourceType, toAsffFindings } from '../../lib/report/asff.js';
import { finding, run } from '../findings/fixtures.js';

const RUN = run({ id: 'run-1', finishedAt: '2026-11-23T06:05:00.000Z' });

describe('ASFF rendering', () => {
  it('keeps text fields within ASFF limits', () => {
    const long: Finding = { ...finding(), title: 'T'.repeat(400), reason: 'R'.repeat(3000), remediation: 'x'.repeat(2000), resource: { ...finding().resource, arn: `arn:aws:s3:::${'b'.repeat(2000)}` } };
    const [asff] = toAsffFindings(RUN, [long], { importerAccountId: '111122223333', homeRegion: 'us-east-1' });
    expect(asff?.Title?.length).toBe(ASFF_LIMITS.title);
    expect(asff?.Description?.length).toBe(ASFF_LIMITS.description);
    expect(asff?.Remediation?.Recommendation?.Text?.length).toBe(ASFF_LIMITS.recommendationText);
    expect(asff?.Compliance?.StatusReasons?.[0]?.Description?.length).toBe(ASFF_LIMITS.statusReasonDescription);
    expect(asff?.Id?.length).toBeLessThanOrEqual(512);
  });

  it('names the importing account as AwsAccountId and the audited account in ProductFields (audit-account import)', () => {
    const member = finding({ accountId: '444455556666', region: 'eu-west-1' });
    const [asff] = toAsffFindings(RUN, [member], { importerAccountId: '111122223333', homeRegion: 'us-east-1' });
    expect(asff).toMatchObject({
      AwsAccountId: '111122223333',
      ProductArn: 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default',
      ProductFields: { 'hipaa-audit/AccountId': '444455556666', 'hipaa-audit/RunId': 'run-1' },
      Resources: [{ Id: 'arn:aws:s3:::phi-bucket', Type: 'AwsS3Bucket', Region: 'eu-west-1' }],
    });
    expect(asff?.Id).toMatch(/^hipaa-audit\/444455556666\/eu-west-1\/s3_bucket_encryption\//);
  });

  it('maps CloudFormation types to ASFF resource types, Other when there is none', () => {
    expect(['AWS::EC2::Volume', 'AWS::IAM::User', 'AWS::RDS::DBInstance', 'AWS::DynamoDB::Table', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::KMS::Key', 'AWS::::Account'].map(asffResourceType))
      .toEqual(['AwsEc2Volume', 'AwsIamUser', 'AwsRdsDbInstance', 'AwsDynamoDbTable', 'AwsElbv2LoadBalancer', 'AwsKmsKey', 'Other']);
  });
});
