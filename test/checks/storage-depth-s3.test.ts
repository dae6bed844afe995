import {
  CreateBucketCommand,
  GetBucketAclCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketReplicationCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { storageChecks } from '../../lib/checks/storage/index.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import { publicPolicyStatements } from '../../lib/collectors/storage/s3-policy-public.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

const EAST = 'us-east-1';
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;

function check(id: string): CheckDefinition {
  const found = storageChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function expectBucket(id: string, bucket: string, status: CheckResult['status'], thresholds: Partial<Thresholds> = {}, from = snapshot): CheckResult {
  const result = resultFor(evaluateCheck(check(id), from, { thresholds }), bucket);
  expect({ status: result.status, reason: result.reason }).toMatchObject({ status });
  expect(result.resource).toMatchObject({ type: 'AWS::S3::Bucket', arn: `arn:aws:s3:::${bucket}`, accountId: MOTO_ACCOUNT_ID });
  expect(result.reason).toContain(bucket);
  return result;
}

const policy = (bucket: string, statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Resource: `arn:aws:s3:::${bucket}/*`, ...statement }] });

async function seed(): Promise<void> {
  const s3 = clients.get(S3Client, EAST);
  const create = (Bucket: string, enforced = false) => s3.send(new CreateBucketCommand({ Bucket, ...(enforced ? { ObjectOwnership: 'BucketOwnerEnforced' } : {}) }));
  const versioned = (Bucket: string) => s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));

  // Public by policy and ACL, AES256, never versioned.
  await create('open-bucket');
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'open-bucket', Policy: policy('open-bucket', { Sid: 'PublicRead', Action: 's3:GetObject' }) }));
  await s3.send(new PutBucketAclCommand({ Bucket: 'open-bucket', ACL: 'public-read' }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: 'open-bucket', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));

  // Same statement and grant, neutralised by the bucket's Block Public Access.
  await create('blocked-bucket');
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'blocked-bucket', Policy: policy('blocked-bucket', { Action: 's3:*' }) }));
  await s3.send(new PutBucketAclCommand({ Bucket: 'blocked-bucket', ACL: 'public-read-write' }));
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'blocked-bucket',
      PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true },
    }),
  );

  // Hardened: ACLs disabled, VPC-endpoint-only policy, KMS, versioned with noncurrent lifecycle, replicated to us-west-2.
  await create('vault-bucket', true);
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'vault-bucket',
      Policy: policy('vault-bucket', { Sid: 'VpceOnly', Action: 's3:GetObject', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1234' } } }),
    }),
  );
  await s3.send(new PutBucketEncryptionCommand({ Bucket: 'vault-bucket', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } }));
  await versioned('vault-bucket');
  await s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: 'vault-bucket',
      LifecycleConfiguration: { Rules: [{ ID: 'noncurrent-90', Status: 'Enabled', Filter: { Prefix: '' }, NoncurrentVersionExpiration: { NoncurrentDays: 90 } }] },
    }),
  );
  await clients.get(S3Client, 'us-west-2').send(new CreateBucketCommand({ Bucket: 'vault-replica', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }));
  await clients.get(S3Client, 'us-west-2').send(new PutBucketVersioningCommand({ Bucket: 'vault-replica', VersioningConfiguration: { Status: 'Enabled' } }));
  const replicate = (Bucket: string, destination: string) =>
    s3.send(
      new PutBucketReplicationCommand({
        Bucket,
        ReplicationConfiguration: {
          Role: `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/replication`,
          Rules: [{ ID: 'all', Status: 'Enabled', Priority: 1, Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: `arn:aws:s3:::${destination}` } }],
        },
      }),
    );
  await replicate('vault-bucket', 'vault-replica');
  await s3.send(new PutBucketTaggingCommand({ Bucket: 'vault-bucket', Tagging: { TagSet: [{ Key: 'data-class', Value: 'ephi' }] } }));

  // Versioned, no lifecycle, replicates within its own region.
  await create('local-copy-bucket', true);
  await versioned('local-copy-bucket');
  await create('local-copy-target', true);
  await versioned('local-copy-target');
  await replicate('local-copy-bucket', 'local-copy-target');
}

describe('storage depth: S3 (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    await seed();
    snapshot = await collectSnapshot(clients, { regions: [EAST], families: ['storage'] });
  });
  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('s3_bucket_policy_no_public_access names the public statement; a restricting condition or RestrictPublicBuckets passes', () => {
    expect(expectBucket('s3_bucket_policy_no_public_access', 'open-bucket', 'FAIL').reason).toContain('statement PublicRead allows public read (s3:GetObject)');
    expectBucket('s3_bucket_policy_no_public_access', 'vault-bucket', 'PASS');
    const blocked = expectBucket('s3_bucket_policy_no_public_access', 'blocked-bucket', 'PASS');
    expect(blocked.reason).toContain('statement #0 allows public read/write');
    expect(blocked.reason).toContain('bucket-level RestrictPublicBuckets');
    expectBucket('s3_bucket_policy_no_public_access', 'local-copy-bucket', 'PASS');
  });

  it('s3_bucket_acl_no_public_grants names the grant; ACLs disabled or IgnorePublicAcls passes', () => {
    expect(expectBucket('s3_bucket_acl_no_public_grants', 'open-bucket', 'FAIL').reason).toContain('AllUsers READ');
    expect(expectBucket('s3_bucket_acl_no_public_grants', 'blocked-bucket', 'PASS').reason).toContain('IgnorePublicAcls');
    expect(expectBucket('s3_bucket_acl_no_public_grants', 'vault-bucket', 'PASS').reason).toContain('BucketOwnerEnforced');
  });

  it('s3_bucket_acls_disabled and s3_bucket_default_encryption_kms', () => {
    expectBucket('s3_bucket_acls_disabled', 'vault-bucket', 'PASS');
    expectBucket('s3_bucket_acls_disabled', 'open-bucket', 'FAIL');
    expectBucket('s3_bucket_default_encryption_kms', 'vault-bucket', 'PASS');
    expect(expectBucket('s3_bucket_default_encryption_kms', 'open-bucket', 'FAIL').reason).toContain('AES256');
  });

  it('s3_bucket_cross_region_replication: another region passes; same region, none, or unversioned fail; scope by tag', () => {
    expect(expectBucket('s3_bucket_cross_region_replication', 'vault-bucket', 'PASS').reason).toContain('us-west-2');
    expect(expectBucket('s3_bucket_cross_region_replication', 'local-copy-bucket', 'FAIL').reason).toContain(`only within ${EAST}`);
    expectBucket('s3_bucket_cross_region_replication', 'local-copy-target', 'FAIL');
    expect(expectBucket('s3_bucket_cross_region_replication', 'open-bucket', 'FAIL').reason).toContain('never had versioning');
    const byTag = { s3ReplicationScope: { bucketPatterns: [], tagKey: 'data-class', tagValue: 'ephi' } };
    expectBucket('s3_bucket_cross_region_replication', 'vault-bucket', 'PASS', byTag);
    expectBucket('s3_bucket_cross_region_replication', 'open-bucket', 'NOT_APPLICABLE', byTag);
    expect(DEFAULT_THRESHOLDS.s3ReplicationScope.bucketPatterns).toEqual(['*']);
  });

  it('s3_bucket_noncurrent_version_lifecycle: versioned buckets need a noncurrent rule; unversioned are not applicable', () => {
    expect(expectBucket('s3_bucket_noncurrent_version_lifecycle', 'vault-bucket', 'PASS').reason).toContain('noncurrent-90');
    expectBucket('s3_bucket_noncurrent_version_lifecycle', 'local-copy-bucket', 'FAIL');
    expectBucket('s3_bucket_noncurrent_version_lifecycle', 'open-bucket', 'NOT_APPLICABLE');
  });

  it('skips GetBucketAcl where ACLs are disabled, and a denied GetBucketAcl is ERROR for that bucket only', async () => {
    // Mock: moto cannot deny one call on one bucket; all other calls pass through to moto.
    const s3 = mockClient(S3Client);
    try {
      s3.send.callThrough();
      s3.on(GetBucketAclCommand, { Bucket: 'open-bucket' }).rejects(
        new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'Access Denied' }),
      );
      const denied = await collectSnapshot(clients, { regions: [EAST], families: ['storage'] });
      const aclBuckets = s3.commandCalls(GetBucketAclCommand).map((c) => c.args[0].input.Bucket);
      expect(aclBuckets).not.toContain('vault-bucket');
      expect(aclBuckets).toContain('blocked-bucket');
      const result = resultFor(evaluateCheck(check('s3_bucket_acl_no_public_grants'), denied), 'open-bucket');
      expect(result.status).toBe('ERROR');
      expect(result.reason).toContain('GetBucketAcl failed with AccessDenied');
      expect(resultFor(evaluateCheck(check('s3_bucket_acl_no_public_grants'), denied), 'blocked-bucket').status).toBe('PASS');
    } finally {
      s3.restore();
    }
  });

  it('publicPolicyStatements: restricting conditions, negated operators and NotAction', () => {
    const doc = (statement: Record<string, unknown>) => JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:PutObject', ...statement }] });
    expect(publicPolicyStatements(doc({}))).toEqual([{ label: '#0', access: 'write', actions: ['s3:PutObject'] }]);
    expect(publicPolicyStatements(doc({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }))).toEqual([]);
    expect(publicPolicyStatements(doc({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }))).toHaveLength(1);
    expect(publicPolicyStatements(doc({ Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }))).toHaveLength(1);
    expect(publicPolicyStatements(doc({ Action: undefined, NotAction: 's3:DeleteBucket' }))[0]?.access).toBe('read/write');
    expect(publicPolicyStatements('not json')).toEqual([]);
  });
});
