import {
  CreateBucketCommand,
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountBlockCommand, PutPublicAccessBlockCommand as PutAccountBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import type { CheckResult } from '../../lib/checks/types.js';
import { deniesInsecureTransport } from '../../lib/collectors/storage/s3-policy.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

const REGION = 'us-east-1';
let moto: MotoServer;
let clients: AwsClientFactory;

/** For mocked clients: nothing may reach the network. */
const offlineClients = () => new AwsClientFactory({ endpoint: 'http://127.0.0.1:1', credentials: TEST_CREDENTIALS, maxAttempts: 1 });

/** Buckets and the other global storage parts, collected by the real collector (no regional parts). */
function collectGlobal(factory: AwsClientFactory = clients): Promise<AccountSnapshot> {
  return collectSnapshot(factory, { regions: [], families: ['storage'] });
}

/** The one result of check `id` about `resourceId`; its reason must name the resource. */
function checkResult(snapshot: AccountSnapshot, id: string, resourceId: string): CheckResult {
  const match = resultFor(evaluateCheck(id, snapshot), resourceId);
  expect(match.reason).toContain(resourceId);
  return match;
}

function expectBucket(snapshot: AccountSnapshot, id: string, bucket: string, status: CheckResult['status']): void {
  const r = checkResult(snapshot, id, bucket);
  expect({ status: r.status, reason: r.reason }).toMatchObject({ status }); // reason shown on failure
  expect(r.resource).toMatchObject({ arn: `arn:aws:s3:::${bucket}`, type: 'AWS::S3::Bucket', region: REGION });
}

const DENY_HTTP = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
const ALLOW_ONLY = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT_ID}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  });

describe('storage family: S3 (moto)', () => {
  let before: AccountSnapshot; // account-level block not yet configured
  let after: AccountSnapshot; // account-level block on

  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    const s3 = clients.get(S3Client, REGION);
    // audit-logs-locked: object lock target for phi-good's access logs.
    await s3.send(new CreateBucketCommand({ Bucket: 'audit-logs-locked', ObjectLockEnabledForBucket: true }));
    const logDelivery = 'uri=http://acs.amazonaws.com/groups/s3/LogDelivery';
    await s3.send(new PutBucketAclCommand({ Bucket: 'audit-logs-locked', GrantWrite: logDelivery, GrantReadACP: logDelivery }));
    await s3.send(new CreateBucketCommand({ Bucket: 'app-logs' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'phi-good' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'phi-bad' }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'phi-good',
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
      }),
    );
    await s3.send(new DeleteBucketEncryptionCommand({ Bucket: 'phi-bad' }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'phi-good', Policy: DENY_HTTP('phi-good') }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'phi-bad', Policy: ALLOW_ONLY('phi-bad') }));
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'phi-good',
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    );
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'phi-bad',
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      }),
    );
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'phi-good', VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'app-logs', VersioningConfiguration: { Status: 'Suspended' } }));
    await s3.send(
      new PutBucketLoggingCommand({
        Bucket: 'phi-good',
        BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'audit-logs-locked', TargetPrefix: 'phi-good/' } },
      }),
    );
    before = await collectGlobal();
    await clients.get(S3ControlClient, REGION).send(
      new PutAccountBlockCommand({
        AccountId: MOTO_ACCOUNT_ID,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    );
    after = await collectGlobal();
  });

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('collects every bucket with its region and a schema-valid snapshot', () => {
    const names = (before.storage.buckets?.data ?? []).map((b) => b.name).sort();
    expect(names).toEqual(['app-logs', 'audit-logs-locked', 'phi-bad', 'phi-good']);
  });

  it('s3_bucket_default_encryption: PASS with SSE-KMS, FAIL without configuration', () => {
    expectBucket(before, 's3_bucket_default_encryption', 'phi-good', 'PASS');
    expectBucket(before, 's3_bucket_default_encryption', 'phi-bad', 'FAIL');
  });

  it('s3_bucket_ssl_requests_only: PASS with SecureTransport deny, FAIL with allow-only or no policy', () => {
    expectBucket(before, 's3_bucket_ssl_requests_only', 'phi-good', 'PASS');
    expectBucket(before, 's3_bucket_ssl_requests_only', 'phi-bad', 'FAIL');
    expectBucket(before, 's3_bucket_ssl_requests_only', 'app-logs', 'FAIL');
  });

  it('s3_bucket_public_access_blocked: bucket block PASS, partial FAIL, account block covers all', () => {
    expectBucket(before, 's3_bucket_public_access_blocked', 'phi-good', 'PASS');
    expectBucket(before, 's3_bucket_public_access_blocked', 'phi-bad', 'FAIL');
    expect(checkResult(before, 's3_bucket_public_access_blocked', 'phi-bad').reason).toContain('BlockPublicPolicy');
    expectBucket(after, 's3_bucket_public_access_blocked', 'phi-bad', 'PASS');
  });

  it('s3_account_public_access_block: FAIL when never configured, PASS when all four flags are on', () => {
    const fail = checkResult(before, 's3_account_public_access_block', MOTO_ACCOUNT_ID);
    expect(fail.status).toBe('FAIL');
    expect(fail.resource).toMatchObject({ type: 'AWS::::Account', region: 'global' });
    expect(checkResult(after, 's3_account_public_access_block', MOTO_ACCOUNT_ID).status).toBe('PASS');
  });

  it('s3_bucket_versioning_enabled: PASS when enabled, FAIL when suspended or never enabled', () => {
    expectBucket(before, 's3_bucket_versioning_enabled', 'phi-good', 'PASS');
    expectBucket(before, 's3_bucket_versioning_enabled', 'app-logs', 'FAIL');
    expectBucket(before, 's3_bucket_versioning_enabled', 'phi-bad', 'FAIL');
  });

  it('s3_bucket_access_logging_enabled: PASS with a target bucket, FAIL without', () => {
    expectBucket(before, 's3_bucket_access_logging_enabled', 'phi-good', 'PASS');
    expectBucket(before, 's3_bucket_access_logging_enabled', 'phi-bad', 'FAIL');
  });

  it('s3_bucket_object_lock_enabled: log buckets PASS/FAIL, other buckets NOT_APPLICABLE', () => {
    expectBucket(before, 's3_bucket_object_lock_enabled', 'audit-logs-locked', 'PASS');
    expectBucket(before, 's3_bucket_object_lock_enabled', 'app-logs', 'FAIL');
    expectBucket(before, 's3_bucket_object_lock_enabled', 'phi-good', 'NOT_APPLICABLE');
  });

  it('global checks yield nothing when global services are out of scope', async () => {
    const snapshot = await collectSnapshot(clients, { regions: [], families: ['storage'], includeGlobal: false });
    for (const id of ['s3_bucket_default_encryption', 's3_account_public_access_block']) {
      expect(evaluateCheck(id, snapshot)).toEqual([]);
    }
  });
});

/**
 * Runs `body` with the global-service clients mocked (moto cannot produce these states), restoring them
 * afterwards. Every bucket call answers as for a healthy bucket unless the test overrides it.
 */
const globalMocks = () => ({ s3: mockClient(S3Client), control: mockClient(S3ControlClient) });

async function withGlobalMocks(body: (mocks: ReturnType<typeof globalMocks>) => Promise<void>): Promise<void> {
  const mocks = globalMocks();
  const { s3, control } = mocks;
  try {
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
    s3.on(GetBucketPolicyCommand).resolves({});
    s3.on(GetPublicAccessBlockCommand).resolves({});
    s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled' });
    s3.on(GetBucketLoggingCommand).resolves({});
    s3.on(GetObjectLockConfigurationCommand).resolves({});
    control.on(GetAccountBlockCommand).resolves({});
    await body(mocks);
  } finally {
    s3.restore();
    control.restore();
  }
}

describe('storage family: S3 (aws-sdk-client-mock)', () => {
  it('AccessDenied on GetBucketEncryption gives ERROR for that bucket only', async () => {
    // Mock: moto cannot deny one call on one bucket.
    await withGlobalMocks(async ({ s3 }) => {
      s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'denied-bucket' }, { Name: 'fine-bucket' }] });
      s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: 'EU' });
      s3.on(GetBucketEncryptionCommand).resolves({
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      });
      s3.on(GetBucketEncryptionCommand, { Bucket: 'denied-bucket' }).rejects(
        new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'Access Denied' }),
      );
      s3.on(GetBucketPolicyCommand).resolves({ Policy: DENY_HTTP('x') });

      const snapshot = await collectGlobal(offlineClients());
      const denied = checkResult(snapshot, 's3_bucket_default_encryption', 'denied-bucket');
      expect(denied.status).toBe('ERROR');
      expect(denied.reason).toContain('AccessDenied');
      expect(denied.resource.region).toBe('eu-west-1');
      expect(checkResult(snapshot, 's3_bucket_default_encryption', 'fine-bucket').status).toBe('PASS');
      expect(checkResult(snapshot, 's3_bucket_versioning_enabled', 'denied-bucket').status).toBe('PASS');
      expect(checkResult(snapshot, 's3_bucket_ssl_requests_only', 'denied-bucket').status).toBe('PASS');
    });
  });

  it('uses the region ListBuckets reports and skips GetBucketLocation', async () => {
    // Mock: moto's ListBuckets does not return BucketRegion yet; AWS does.
    await withGlobalMocks(async ({ s3 }) => {
      s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'frankfurt-bucket', BucketRegion: 'eu-central-1' }] });
      s3.on(GetBucketEncryptionCommand).resolves({
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
      });

      const snapshot = await collectGlobal(offlineClients());
      expect(s3.commandCalls(GetBucketLocationCommand)).toHaveLength(0);
      const result = checkResult(snapshot, 's3_bucket_default_encryption', 'frankfurt-bucket');
      expect(result).toMatchObject({ status: 'PASS', resource: { region: 'eu-central-1' } });
    });
  });
});

describe('storage family: bucket policy parsing', () => {
  it('recognises Deny on aws:SecureTransport=false in its common spellings only', () => {
    expect(deniesInsecureTransport(DENY_HTTP('b'))).toBe(true);
    const boolIfExists = DENY_HTTP('b').replace('"Bool"', '"BoolIfExists"').replace('"false"', 'false');
    expect(deniesInsecureTransport(boolIfExists)).toBe(true);
    expect(deniesInsecureTransport(ALLOW_ONLY('b'))).toBe(false);
    expect(deniesInsecureTransport(DENY_HTTP('b').replace('"Deny"', '"Allow"'))).toBe(false);
    expect(deniesInsecureTransport('not json')).toBe(false);
  });
});
