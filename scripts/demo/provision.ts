import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { createEvidenceBucket, createSigningKey } from '../../lib/evidence/setup.js';
import { fetchPublicKey } from '../../lib/evidence/signing.js';
import { createTable } from '../../lib/store/dynamodb/create-table.js';

export interface LocalPipelineResources {
  tableName: string;
  evidenceBucket: string;
  workBucket: string;
  /** Where the digest uploads bundles (the stack's bundles bucket: no Object Lock). */
  bundleBucket: string;
  signingKeyId: string;
  /** What the stack's SigningKeyFingerprint custom resource reports for the key. */
  signingKeyFingerprint: string;
  senderEmail: string;
}

/**
 * Creates, in an emulated audit account, what the CDK stack creates in a real one: the findings
 * table, the Object Lock evidence bucket, the work bucket, the manifest signing key and the verified sender.
 */
export async function provisionPipelineResources(
  clients: AwsClientFactory,
  region: string,
  names: { tableName?: string; evidenceBucket?: string; workBucket?: string; bundleBucket?: string; senderEmail: string; retentionYears?: number },
): Promise<LocalPipelineResources> {
  const tableName = names.tableName ?? 'hipaa-audit-findings';
  const evidenceBucket = names.evidenceBucket ?? 'hipaa-audit-evidence';
  await createTable(clients.get(DynamoDBClient, region), tableName);
  await createEvidenceBucket(clients, region, evidenceBucket, names.retentionYears ?? 6);
  const workBucket = names.workBucket ?? 'hipaa-audit-work';
  await clients.get(S3Client, region).send(new CreateBucketCommand({
    Bucket: workBucket, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
  }));
  const bundleBucket = names.bundleBucket ?? 'hipaa-audit-bundles';
  await clients.get(S3Client, region).send(new CreateBucketCommand({
    Bucket: bundleBucket, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
  }));
  const signingKeyId = await createSigningKey(clients, region);
  const { sha256: signingKeyFingerprint } = await fetchPublicKey(clients.get(KMSClient, region), signingKeyId);
  await clients.get(SESv2Client, region).send(new CreateEmailIdentityCommand({ EmailIdentity: names.senderEmail }));
  return { tableName, evidenceBucket, workBucket, bundleBucket, signingKeyId, signingKeyFingerprint, senderEmail: names.senderEmail };
}

/** The Lambda environment the CDK construct would set, pointed at the emulated accounts. */
export function localPipelineEnv(options: {
  resources: LocalPipelineResources;
  region: string;
  auditEndpoint: string;
  targetEndpoint: string;
  targetAccounts: string[];
  officerEmails: string[];
  organizationName: string;
}): Record<string, string> {
  return {
    AWS_REGION: options.region,
    TABLE_NAME: options.resources.tableName,
    EVIDENCE_BUCKET: options.resources.evidenceBucket,
    WORK_BUCKET: options.resources.workBucket,
    SIGNING_KEY_ID: options.resources.signingKeyId,
    SIGNING_KEY_FINGERPRINT: options.resources.signingKeyFingerprint,
    BUNDLE_BUCKET: options.resources.bundleBucket,
    MEMBER_ROLE_NAME: 'HipaaAuditReadOnly',
    TARGET_ACCOUNTS: options.targetAccounts.join(','),
    REGIONS: options.region,
    OFFICER_EMAILS: options.officerEmails.join(','),
    SENDER_EMAIL: options.resources.senderEmail,
    ORGANIZATION_NAME: options.organizationName,
    BUNDLE_LINK_EXPIRY_DAYS: '7',
    AWS_ENDPOINT_URL: options.auditEndpoint,
    TARGET_ENDPOINT_URL: options.targetEndpoint,
  };
}
