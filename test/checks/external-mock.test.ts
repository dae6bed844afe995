import {
  AccessAnalyzerClient,
  AccessAnalyzerServiceException,
  ListAnalyzersCommand,
  ListFindingsCommand,
  type FindingSummary,
} from '@aws-sdk/client-accessanalyzer';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import {
  ArtifactClient,
  ArtifactServiceException,
  ListCustomerAgreementsCommand,
  type ListCustomerAgreementsCommandInput,
  type ListCustomerAgreementsCommandOutput,
} from '../../lib/aws/artifact-client.js';
import { externalChecks } from '../../lib/checks/external/index.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, TEST_CREDENTIALS } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

// moto answers HTTP 500 to every IAM Access Analyzer call and does not emulate AWS Artifact at all, so
// this family is tested with aws-sdk-client-mock on the real collectors (one mocked client per region).
const [SHARED, UNUSED_ONLY, CLEAN, DENIED] = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'] as const;
const REGIONS = [SHARED, UNUSED_ONLY, CLEAN, DENIED];
const BUCKET = 'arn:aws:s3:::clinic-exports';
const KEY = `arn:aws:kms:us-east-1:${MOTO_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const analyzerArn = (region: string, name: string) => `arn:aws:access-analyzer:${region}:${MOTO_ACCOUNT_ID}:analyzer/${name}`;

function finding(id: string, resource: string, resourceType: string, principal: Record<string, string>, isPublic = false): FindingSummary {
  const at = new Date('2026-01-01T00:00:00Z');
  return { id, resource, resourceType: resourceType as FindingSummary['resourceType'], principal, isPublic, action: ['s3:GetObject'], status: 'ACTIVE', resourceOwnerAccount: MOTO_ACCOUNT_ID, condition: {}, createdAt: at, analyzedAt: at, updatedAt: at };
}

function denied(service: 'accessanalyzer' | 'artifact'): Error {
  const init = { name: 'AccessDeniedException', $fault: 'client' as const, $metadata: { httpStatusCode: 403 }, message: 'not authorized' };
  return service === 'artifact' ? new ArtifactServiceException(init) : new AccessAnalyzerServiceException(init);
}

function check(id: string): CheckDefinition {
  const found = externalChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function expectResult(results: CheckResult[], id: string, status: string, region: string, reason: RegExp): CheckResult {
  const r = resultFor(results, id);
  expect(r.status, r.reason).toBe(status);
  expect(r.resource.region).toBe(region);
  expect(r.reason).toMatch(reason);
  return r;
}

type ArtifactStub = AwsStub<ListCustomerAgreementsCommandInput, ListCustomerAgreementsCommandOutput, ArtifactClient['config']>;

async function collectWith(agreements: (artifact: ArtifactStub) => void): Promise<AccountSnapshot> {
  const clients = new AwsClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  const analyzer = (region: string) => mockClient(clients.get(AccessAnalyzerClient, region));
  analyzer(SHARED)
    .on(ListAnalyzersCommand).resolves({ analyzers: [{ name: 'account', arn: analyzerArn(SHARED, 'account'), type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date() }] })
    .on(ListFindingsCommand).resolves({
      findings: [
        finding('f-1', BUCKET, 'AWS::S3::Bucket', { AWS: '999988887777' }),
        finding('f-2', BUCKET, 'AWS::S3::Bucket', { AWS: '*' }, true),
        finding('f-3', KEY, 'AWS::KMS::Key', { AWS: '111122223333' }),
      ],
    });
  analyzer(UNUSED_ONLY).on(ListAnalyzersCommand).resolves({
    analyzers: [{ name: 'unused', arn: analyzerArn(UNUSED_ONLY, 'unused'), type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: new Date() }],
  });
  analyzer(CLEAN)
    .on(ListAnalyzersCommand).resolves({ analyzers: [{ name: 'org', arn: analyzerArn(CLEAN, 'org'), type: 'ORGANIZATION', status: 'ACTIVE', createdAt: new Date() }] })
    .on(ListFindingsCommand).resolves({ findings: [] });
  analyzer(DENIED).on(ListAnalyzersCommand).rejects(denied('accessanalyzer'));
  agreements(mockClient(clients.get(ArtifactClient, 'us-east-1')));
  const snapshot = await collectSnapshot(clients, { regions: REGIONS, families: ['external'] });
  clients.destroy();
  return snapshot;
}

let snapshot: AccountSnapshot;
beforeAll(async () => {
  snapshot = await collectWith((artifact) =>
    artifact.on(ListCustomerAgreementsCommand).resolves({
      $metadata: {},
      customerAgreements: [
        { name: 'AWS Nondisclosure Agreement', arn: 'arn:aws:artifact::123456789012:customer-agreement/nda', state: 'ACTIVE' },
        {
          name: 'AWS Organizations Business Associate Addendum',
          arn: 'arn:aws:artifact::123456789012:customer-agreement/baa',
          organizationArn: 'arn:aws:organizations::210987654321:organization/o-abc123',
          state: 'ACTIVE',
          effectiveStart: new Date('2024-02-01T00:00:00Z'),
        },
      ],
    }),
  );
});

describe('IAM Access Analyzer (aws-sdk-client-mock: moto answers 500)', () => {
  it('passes regions with an active external-access analyzer and fails the others; ERROR where listing was denied', () => {
    const results = evaluateCheck(check('accessanalyzer_region_enabled'), snapshot);
    expectResult(results, `${MOTO_ACCOUNT_ID}/${SHARED}`, 'PASS', SHARED, /account \(ACCOUNT\) is active in us-east-1/);
    expectResult(results, `${MOTO_ACCOUNT_ID}/${UNUSED_ONLY}`, 'FAIL', UNUSED_ONLY, /No active external-access IAM Access Analyzer in us-west-2; found unused \(ACCOUNT_UNUSED_ACCESS, ACTIVE\)/);
    expectResult(results, `${MOTO_ACCOUNT_ID}/${CLEAN}`, 'PASS', CLEAN, /org \(ORGANIZATION\)/);
    expectResult(results, `${MOTO_ACCOUNT_ID}/${DENIED}`, 'ERROR', DENIED, /access-analyzer:ListAnalyzers failed with AccessDeniedException/);
  });

  it('lists each shared resource with its external principals; passes analyzers without findings', () => {
    const results = evaluateCheck(check('accessanalyzer_no_active_external_findings'), snapshot);
    const bucket = expectResult(results, BUCKET, 'FAIL', SHARED, /AWS::S3::Bucket arn:aws:s3:::clinic-exports is accessible to AWS 999988887777 \(s3:GetObject\); public: AWS \* \(s3:GetObject\) \(finding f-1, f-2, analyzer account\)/);
    expect(bucket.resource).toMatchObject({ id: 'clinic-exports', type: 'AWS::S3::Bucket', accountId: MOTO_ACCOUNT_ID });
    expectResult(results, KEY, 'FAIL', SHARED, /AWS 111122223333/);
    expectResult(results, 'org', 'PASS', CLEAN, /IAM Access Analyzer org has no active findings in eu-west-1/);
    expectResult(results, `${MOTO_ACCOUNT_ID}/${UNUSED_ONLY}`, 'NOT_APPLICABLE', UNUSED_ONLY, /see accessanalyzer_region_enabled/);
    expectResult(results, `${MOTO_ACCOUNT_ID}/${DENIED}`, 'ERROR', DENIED, /AccessDeniedException/);
  });
});

describe('AWS Artifact Business Associate Addendum (aws-sdk-client-mock: moto does not emulate Artifact)', () => {
  const accountArn = `arn:aws:::${MOTO_ACCOUNT_ID}`;

  it('passes when the organization accepted the BAA', () => {
    const [result] = evaluateCheck(check('artifact_baa_accepted'), snapshot);
    expect(result).toMatchObject({ status: 'PASS', resource: { arn: accountArn, region: 'global' } });
    expect(result?.reason).toBe(
      'AWS Organizations Business Associate Addendum is accepted for its organization (arn:aws:organizations::210987654321:organization/o-abc123), effective 2024-02-01',
    );
  });

  it('fails when no active agreement is a Business Associate Addendum', async () => {
    const other = await collectWith((artifact) =>
      artifact.on(ListCustomerAgreementsCommand).resolves({ $metadata: {}, customerAgreements: [{ name: 'AWS Nondisclosure Agreement', arn: 'a', state: 'ACTIVE' }] }),
    );
    const [result] = evaluateCheck(check('artifact_baa_accepted'), other);
    expect(result).toMatchObject({ status: 'FAIL', resource: { arn: accountArn } });
    expect(result?.reason).toContain(`No active AWS Business Associate Addendum in AWS Artifact for account ${MOTO_ACCOUNT_ID}`);
  });

  it('reports ERROR naming the missing permission when the call is denied', async () => {
    const deniedSnapshot = await collectWith((artifact) => artifact.on(ListCustomerAgreementsCommand).rejects(denied('artifact')));
    const [result] = evaluateCheck(check('artifact_baa_accepted'), deniedSnapshot);
    expect(result).toMatchObject({ status: 'ERROR', resource: { arn: accountArn } });
    expect(result?.reason).toContain('AccessDeniedException; the audit role needs artifact:ListCustomerAgreements');
  });
});
