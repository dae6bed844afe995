import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateLoginProfileCommand, CreatePolicyCommand,
  CreateRoleCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient,
  UpdateAccountPasswordPolicyCommand, UpdateRoleCommand, AddUserToGroupCommand, AttachGroupPolicyCommand,
} from '@aws-sdk/client-iam';
import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand, UpdateTrailCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateBucketCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, PutBucketVersioningCommand,
  PutPublicAccessBlockCommand, S3Client,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateVolumeCommand, CreateVpcCommand, EC2Client, EnableEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { DisableMacieCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClientFactory } from '../../lib/aws/clients.js';

/**
 * "Demo Clinic": a small workload account with a documented mix of good and bad configuration.
 * See README "The demo" for the list. Everything here is configuration; no patient data exists.
 */
export const DEMO_CLINIC = {
  region: 'us-east-1',
  officerEmail: 'security.officer@demo-clinic.example',
  phiBucket: 'demo-clinic-phi-records',
  exportsBucket: 'demo-clinic-exports',
  trailBucket: 'demo-clinic-cloudtrail-logs',
  lateBucket: 'demo-clinic-research-extracts',
} as const;

/** What the first scan should see: strong PHI storage, weak identity hygiene, gaps in logging. */
export async function seedClinicAccount(clients: AwsClientFactory, region: string = DEMO_CLINIC.region): Promise<void> {
  const iam = clients.get(IAMClient, region);
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, RequireNumbers: true }));

  await iam.send(new CreateUserCommand({ UserName: 'dr.alice' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'dr.alice', Password: 'Demo-only-placeholder-1!' }));
  const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'dr.alice' }));
  await iam.send(new EnableMFADeviceCommand({
    UserName: 'dr.alice', SerialNumber: mfa.VirtualMFADevice?.SerialNumber ?? '', AuthenticationCode1: '123456', AuthenticationCode2: '654321',
  }));
  await iam.send(new CreateGroupCommand({ GroupName: 'clinicians' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'clinicians', UserName: 'dr.alice' }));

  // Console user without MFA: fails person/entity authentication.
  await iam.send(new CreateUserCommand({ UserName: 'billing.bob' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'billing.bob', Password: 'Demo-only-placeholder-2!' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'clinicians', UserName: 'billing.bob' }));

  // Programmatic user for the nightly export.
  await iam.send(new CreateUserCommand({ UserName: 'etl-service' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'etl-service' }));

  // Shared "admin" login with a full-admin customer policy attached directly.
  const admin = await iam.send(new CreatePolicyCommand({
    PolicyName: 'LegacyFullAccess',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  }));
  await iam.send(new CreateUserCommand({ UserName: 'admin' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'admin', Password: 'Demo-only-placeholder-3!' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'admin', PolicyArn: admin.Policy?.Arn ?? '' }));
  const readOnly = await iam.send(new CreatePolicyCommand({
    PolicyName: 'ClinicianRead',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: `arn:aws:s3:::${DEMO_CLINIC.phiBucket}` }] }),
  }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'clinicians', PolicyArn: readOnly.Policy?.Arn ?? '' }));

  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  // 12-hour sessions on the EHR app role: no automatic logoff.
  await iam.send(new CreateRoleCommand({ RoleName: 'ehr-app', AssumeRolePolicyDocument: trust, MaxSessionDuration: 43_200 }));
  await iam.send(new CreateRoleCommand({
    RoleName: 'break-glass-emergency', AssumeRolePolicyDocument: trust, MaxSessionDuration: 3_600,
    Tags: [{ Key: 'hipaa-audit:emergency-access', Value: 'true' }],
  }));

  const s3 = clients.get(S3Client, region);
  for (const bucket of [DEMO_CLINIC.phiBucket, DEMO_CLINIC.exportsBucket, DEMO_CLINIC.trailBucket]) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  await hardenBucket(s3, DEMO_CLINIC.phiBucket);
  await hardenBucket(s3, DEMO_CLINIC.trailBucket);

  const trail = clients.get(CloudTrailClient, region);
  await trail.send(new CreateTrailCommand({ Name: 'clinic-trail', S3BucketName: DEMO_CLINIC.trailBucket, IsMultiRegionTrail: true }));
  await trail.send(new StartLoggingCommand({ Name: 'clinic-trail' }));

  const kms = clients.get(KMSClient, region);
  const phiKey = await kms.send(new CreateKeyCommand({ Description: 'PHI data key' }));
  await kms.send(new EnableKeyRotationCommand({ KeyId: phiKey.KeyMetadata?.KeyId ?? '' }));
  await kms.send(new CreateKeyCommand({ Description: 'legacy reporting key', Tags: [{ TagKey: 'demo', TagValue: 'legacy-key' }] }));

  const ec2 = clients.get(EC2Client, region);
  await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
  await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 20, Encrypted: true }));
  await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 50, Encrypted: false }));

  const rds = clients.get(RDSClient, region);
  await rds.send(new CreateDBInstanceCommand({
    DBInstanceIdentifier: 'patients-db', DBInstanceClass: 'db.t3.medium', Engine: 'postgres', AllocatedStorage: 20,
    MasterUsername: 'clinicadmin', MasterUserPassword: 'demo-only-placeholder', StorageEncrypted: true,
    PubliclyAccessible: false, BackupRetentionPeriod: 14,
  }));
  await rds.send(new CreateDBInstanceCommand({
    DBInstanceIdentifier: 'reporting-db', DBInstanceClass: 'db.t3.small', Engine: 'mysql', AllocatedStorage: 20,
    MasterUsername: 'reporting', MasterUserPassword: 'demo-only-placeholder', StorageEncrypted: false,
    PubliclyAccessible: true, BackupRetentionPeriod: 1,
  }));

  const dynamodb = clients.get(DynamoDBClient, region);
  await dynamodb.send(new CreateTableCommand({
    TableName: 'appointments', BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    SSESpecification: { Enabled: true, SSEType: 'KMS' },
  }));
  await dynamodb.send(new UpdateContinuousBackupsCommand({
    TableName: 'appointments', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  }));
  await dynamodb.send(new CreateTableCommand({
    TableName: 'intake-forms', BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));

  const logs = clients.get(CloudWatchLogsClient, region);
  await logs.send(new CreateLogGroupCommand({ logGroupName: '/clinic/ehr-app' }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/clinic/ehr-app', retentionInDays: 30 }));

  // Inspector scans instances and images but not Lambda functions (inspector2_scanning_enabled fails).
  const { Account: accountId = '' } = await clients.get(STSClient, region).send(new GetCallerIdentityCommand({}));
  await clients.get(Inspector2Client, region).send(new EnableCommand({ accountIds: [accountId], resourceTypes: ['EC2', 'ECR'] }));
  // Macie was never turned on (moto starts with a session the SDK cannot read; disabling gives the clean "not enabled").
  await clients.get(Macie2Client, region).send(new DisableMacieCommand({}));
}

/** Between the two demo scans: the team fixes some findings and introduces a new one. */
export async function applyClinicFixes(clients: AwsClientFactory, region: string = DEMO_CLINIC.region): Promise<void> {
  const iam = clients.get(IAMClient, region);
  await iam.send(new UpdateAccountPasswordPolicyCommand({
    MinimumPasswordLength: 14, PasswordReusePrevention: 24, MaxPasswordAge: 90, RequireNumbers: true,
    RequireSymbols: true, RequireLowercaseCharacters: true, RequireUppercaseCharacters: true,
  }));
  await iam.send(new UpdateRoleCommand({ RoleName: 'ehr-app', MaxSessionDuration: 3_600 }));
  await clients.get(AccountClient, region).send(new PutAlternateContactCommand({
    AlternateContactType: 'SECURITY', EmailAddress: DEMO_CLINIC.officerEmail, Name: 'Demo Clinic Security Officer',
    PhoneNumber: '+1-555-0100', Title: 'HIPAA Security Official',
  }));
  await clients.get(EC2Client, region).send(new EnableEbsEncryptionByDefaultCommand({}));
  await clients.get(CloudTrailClient, region).send(new UpdateTrailCommand({ Name: 'clinic-trail', EnableLogFileValidation: true }));
  await clients.get(CloudWatchLogsClient, region).send(new PutRetentionPolicyCommand({ logGroupName: '/clinic/ehr-app', retentionInDays: 2192 }));
  // New this week: a research extract bucket created without the baseline.
  await clients.get(S3Client, region).send(new CreateBucketCommand({ Bucket: DEMO_CLINIC.lateBucket }));
}

async function hardenBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new PutBucketEncryptionCommand({
    Bucket: bucket,
    ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
  }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutPublicAccessBlockCommand({
    Bucket: bucket,
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  }));
  await s3.send(new PutBucketPolicyCommand({
    Bucket: bucket,
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }],
    }),
  }));
}
