import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand, PutBucketVersioningCommand, PutObjectLockConfigurationCommand, PutPublicAccessBlockCommand, S3Client,
} from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../aws/clients.js';

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
