import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand, GetObjectLockConfigurationCommand, HeadBucketCommand, PutBucketVersioningCommand, PutObjectLockConfigurationCommand, PutPublicAccessBlockCommand, S3Client,
} from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../aws/clients.js';
import { ExpectedError } from '../model/errors.js';

/**
 * For tests and the demo only; production buckets come from the CDK stack. Object Lock can only be
 * enabled at creation; COMPLIANCE mode means not even the root user can shorten retention.
 */
export async function createEvidenceBucket(clients: AwsClientFactory, region: string, bucket: string, retentionYears: number): Promise<void> {
  if (!Number.isInteger(retentionYears) || retentionYears < 1) throw new Error(`retentionYears must be a positive integer, got ${retentionYears}`);
  const s3 = clients.get(S3Client, region);
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ObjectLockEnabledForBucket: true,
      ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
    }),
  );
  // Object Lock implies versioning; set it explicitly so the intent is visible and stores that need it get it.
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(
    new PutObjectLockConfigurationCommand({
      Bucket: bucket,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: retentionYears } } },
    }),
  );
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
}

/** An asymmetric P-256 signing key; returns its key id. */
export async function createSigningKey(clients: AwsClientFactory, region: string): Promise<string> {
  const kms = clients.get(KMSClient, region);
  const out = await kms.send(
    new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Description: 'hipaa-audit evidence manifest signing' }),
  );
  const keyId = out.KeyMetadata?.KeyId;
  if (!keyId) throw new Error('KMS CreateKey returned no key id');
  return keyId;
}

/** A local resource that exists under the asked name but cannot serve as what was asked for. */
export class LocalResourceConflictError extends ExpectedError {
  constructor(message: string) {
    super(message);
    this.name = 'LocalResourceConflictError';
  }
}

/**
 * Idempotent createEvidenceBucket: an existing bucket is kept if Object Lock is on (it cannot be turned
 * on later, so one without it is refused rather than used). Returns whether it was created.
 */
export async function ensureEvidenceBucket(clients: AwsClientFactory, region: string, bucket: string, retentionYears: number): Promise<boolean> {
  const s3 = clients.get(S3Client, region);
  const exists = await s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    (err: unknown) => {
      if (err instanceof Error && (err.name === 'NotFound' || err.name === 'NoSuchBucket')) return false;
      throw err;
    },
  );
  if (!exists) {
    await createEvidenceBucket(clients, region, bucket, retentionYears);
    return true;
  }
  const lock = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket })).catch(() => undefined);
  if (lock?.ObjectLockConfiguration?.ObjectLockEnabled !== 'Enabled') {
    throw new LocalResourceConflictError(
      `Bucket ${bucket} exists without Object Lock, which can only be enabled when a bucket is created; choose another --evidence-bucket name.`,
    );
  }
  return false;
}

/**
 * Idempotent createSigningKey: the key is found by `alias` (e.g. alias/hipaa-audit-signing) or created and
 * given the alias. Returns the key's ARN and whether it was created.
 */
export async function ensureSigningKey(clients: AwsClientFactory, region: string, alias: string): Promise<{ keyArn: string; created: boolean }> {
  const kms = clients.get(KMSClient, region);
  const existing = await kms.send(new DescribeKeyCommand({ KeyId: alias })).then(
    (out) => out.KeyMetadata,
    (err: unknown) => {
      if (err instanceof Error && err.name === 'NotFoundException') return undefined;
      throw err;
    },
  );
  if (existing) {
    if (existing.KeyUsage !== 'SIGN_VERIFY' || existing.KeySpec !== 'ECC_NIST_P256') {
      throw new LocalResourceConflictError(`${alias} names a ${existing.KeySpec ?? '?'} ${existing.KeyUsage ?? '?'} key, not an ECC_NIST_P256 signing key; choose another --signing-key-alias.`);
    }
    return { keyArn: existing.Arn ?? existing.KeyId ?? alias, created: false };
  }
  const keyId = await createSigningKey(clients, region);
  await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }));
  const described = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
  return { keyArn: described.KeyMetadata?.Arn ?? keyId, created: true };
}
