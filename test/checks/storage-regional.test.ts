import { BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand } from '@aws-sdk/client-backup';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { CreateDBInstanceCommand, CreateDBSnapshotCommand, ModifyDBSnapshotAttributeCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { storageChecks } from '../../lib/checks/storage/index.js';
import type { Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

const EAST = 'us-east-1'; // seeded with a PASS and a FAIL of everything
const WEST = 'us-west-2'; // one unencrypted volume, no backup plan
const EMPTY = 'eu-west-1'; // nothing: NOT_APPLICABLE
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;
const ids: Record<string, string> = {};

function run(id: string, thresholds?: Partial<Thresholds>): CheckResult[] {
  return evaluateCheck(id, snapshot, { thresholds });
}

/** The one result for `resourceId`, asserting status, region, type and that the reason names it. */
function expectResult(id: string, resourceId: string, status: CheckResult['status'], type: string, region = EAST): CheckResult {
  const match = resultFor(run(id), resourceId);
  expect({ status: match.status, reason: match.reason }).toMatchObject({ status }); // reason shown on failure
  expect(match.resource).toMatchObject({ type, region, accountId: MOTO_ACCOUNT_ID });
  expect(match.reason).toContain(resourceId.split('/').at(-1));
  return match;
}

function expectRegionNa(id: string, region = EMPTY): void {
  expect(run(id).filter((r) => r.resource.region === region)).toEqual([
    expect.objectContaining({ status: 'NOT_APPLICABLE', resource: expect.objectContaining({ id: `${MOTO_ACCOUNT_ID}/${region}` }) }),
  ]);
}

async function seedEc2(): Promise<void> {
  const ec2 = clients.get(EC2Client, EAST);
  await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  const good = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8, Encrypted: true }));
  const bad = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8, Encrypted: false }));
  ids.goodVolume = good.VolumeId ?? '';
  ids.badVolume = bad.VolumeId ?? '';
  const privateSnap = await ec2.send(new CreateSnapshotCommand({ VolumeId: ids.goodVolume }));
  const publicSnap = await ec2.send(new CreateSnapshotCommand({ VolumeId: ids.goodVolume }));
  ids.privateSnap = privateSnap.SnapshotId ?? '';
  ids.publicSnap = publicSnap.SnapshotId ?? '';
  await ec2.send(
    new ModifySnapshotAttributeCommand({ SnapshotId: ids.publicSnap, Attribute: 'createVolumePermission', OperationType: 'add', GroupNames: ['all'] }),
  );
  const west = await clients.get(EC2Client, WEST).send(new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 8 }));
  ids.westVolume = west.VolumeId ?? '';
}

async function seedRds(): Promise<void> {
  const rds = clients.get(RDSClient, EAST);
  const base = { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin1', MasterUserPassword: 'password-123' };
  await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'db-good', StorageEncrypted: true, PubliclyAccessible: false, BackupRetentionPeriod: 14 }));
  await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'db-bad', StorageEncrypted: false, PubliclyAccessible: true, BackupRetentionPeriod: 1 }));
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'db-good', DBSnapshotIdentifier: 'snap-private' }));
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'db-good', DBSnapshotIdentifier: 'snap-public' }));
  await rds.send(new ModifyDBSnapshotAttributeCommand({ DBSnapshotIdentifier: 'snap-public', AttributeName: 'restore', ValuesToAdd: ['all'] }));
}

async function seedDynamoKms(): Promise<void> {
  const ddb = clients.get(DynamoDBClient, EAST);
  const table = (name: string, kms: boolean) =>
    ddb.send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        ...(kms ? { SSESpecification: { Enabled: true, SSEType: 'KMS' } } : {}),
      }),
    );
  await table('tbl-good', true);
  await table('tbl-bad', false);
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName: 'tbl-good', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const kms = clients.get(KMSClient, EAST);
  const key = async () => (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';
  ids.rotatingKey = await key();
  ids.staticKey = await key();
  ids.deletingKey = await key();
  await kms.send(new EnableKeyRotationCommand({ KeyId: ids.rotatingKey }));
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId: ids.deletingKey, PendingWindowInDays: 7 }));
}

async function seedMessagingEfs(): Promise<void> {
  const efs = clients.get(EFSClient, EAST);
  ids.goodFs = (await efs.send(new CreateFileSystemCommand({ CreationToken: 'fs-good', Encrypted: true }))).FileSystemId ?? '';
  ids.badFs = (await efs.send(new CreateFileSystemCommand({ CreationToken: 'fs-bad', Encrypted: false }))).FileSystemId ?? '';
  const sns = clients.get(SNSClient, EAST);
  await sns.send(new CreateTopicCommand({ Name: 'topic-good', Attributes: { KmsMasterKeyId: 'alias/aws/sns' } }));
  await sns.send(new CreateTopicCommand({ Name: 'topic-bad' }));
  const sqs = clients.get(SQSClient, EAST);
  await sqs.send(new CreateQueueCommand({ QueueName: 'queue-kms', Attributes: { KmsMasterKeyId: 'alias/aws/sqs' } }));
  await sqs.send(new CreateQueueCommand({ QueueName: 'queue-sse-sqs', Attributes: { SqsManagedSseEnabled: 'true' } }));
  await sqs.send(new CreateQueueCommand({ QueueName: 'queue-bad', Attributes: { SqsManagedSseEnabled: 'false' } }));
}

async function seedBackup(): Promise<void> {
  const backup = clients.get(BackupClient, EAST);
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'Default' }));
  await backup.send(
    new CreateBackupPlanCommand({
      BackupPlan: {
        BackupPlanName: 'daily-35',
        Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } }],
      },
    }),
  );
}

describe('storage family: regional stores (moto)', () => {
  beforeAll(async () => {
    // moto's default AMIs come with ~1,000 account-owned snapshots per region; skip them for speed.
    moto = await startMoto({ MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' });
    clients = motoClients(moto);
    await Promise.all([seedEc2(), seedRds(), seedDynamoKms(), seedMessagingEfs(), seedBackup()]);
    snapshot = await collectSnapshot(clients, { regions: [EAST, WEST, EMPTY], families: ['storage'], includeGlobal: false });
  });

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('ec2_ebs_encryption_by_default: PASS where enabled, FAIL where not', () => {
    expectResult('ec2_ebs_encryption_by_default', `${MOTO_ACCOUNT_ID}/${EAST}`, 'PASS', 'AWS::::Account');
    expectResult('ec2_ebs_encryption_by_default', `${MOTO_ACCOUNT_ID}/${WEST}`, 'FAIL', 'AWS::::Account', WEST);
  });

  it('ec2_ebs_volume_encrypted: PASS, FAIL, and NOT_APPLICABLE for a region without volumes', () => {
    const good = expectResult('ec2_ebs_volume_encrypted', ids.goodVolume ?? '', 'PASS', 'AWS::EC2::Volume');
    expect(good.resource.arn).toBe(`arn:aws:ec2:${EAST}:${MOTO_ACCOUNT_ID}:volume/${ids.goodVolume}`);
    expectResult('ec2_ebs_volume_encrypted', ids.badVolume ?? '', 'FAIL', 'AWS::EC2::Volume');
    expectResult('ec2_ebs_volume_encrypted', ids.westVolume ?? '', 'FAIL', 'AWS::EC2::Volume', WEST);
    expectRegionNa('ec2_ebs_volume_encrypted');
  });

  it('ec2_ebs_snapshot_not_public: PASS for private, FAIL for group all', () => {
    expectResult('ec2_ebs_snapshot_not_public', ids.privateSnap ?? '', 'PASS', 'AWS::EC2::Snapshot');
    expectResult('ec2_ebs_snapshot_not_public', ids.publicSnap ?? '', 'FAIL', 'AWS::EC2::Snapshot');
    expectRegionNa('ec2_ebs_snapshot_not_public');
  });

  it('rds instance checks: encryption, public access and backup retention', () => {
    const type = 'AWS::RDS::DBInstance';
    const good = expectResult('rds_instance_storage_encrypted', 'db-good', 'PASS', type);
    expect(good.resource.arn).toBe(`arn:aws:rds:${EAST}:${MOTO_ACCOUNT_ID}:db:db-good`);
    expectResult('rds_instance_storage_encrypted', 'db-bad', 'FAIL', type);
    expectResult('rds_instance_not_publicly_accessible', 'db-good', 'PASS', type);
    expectResult('rds_instance_not_publicly_accessible', 'db-bad', 'FAIL', type);
    expectResult('rds_instance_backup_retention', 'db-good', 'PASS', type);
    expectResult('rds_instance_backup_retention', 'db-bad', 'FAIL', type);
    const strict = run('rds_instance_backup_retention', { backupRetentionDays: 30 });
    expect(strict.find((r) => r.resource.id === 'db-good')?.status).toBe('FAIL');
    expectRegionNa('rds_instance_storage_encrypted');
  });

  it('rds_snapshot_not_public: PASS for private, FAIL for restore=all', () => {
    expectResult('rds_snapshot_not_public', 'snap-private', 'PASS', 'AWS::RDS::DBSnapshot');
    expectResult('rds_snapshot_not_public', 'snap-public', 'FAIL', 'AWS::RDS::DBSnapshot');
  });

  it('dynamodb checks: PITR and KMS encryption', () => {
    const good = expectResult('dynamodb_table_pitr_enabled', 'tbl-good', 'PASS', 'AWS::DynamoDB::Table');
    expect(good.resource.arn).toBe(`arn:aws:dynamodb:${EAST}:${MOTO_ACCOUNT_ID}:table/tbl-good`);
    expectResult('dynamodb_table_pitr_enabled', 'tbl-bad', 'FAIL', 'AWS::DynamoDB::Table');
    expectResult('dynamodb_table_kms_encryption', 'tbl-good', 'PASS', 'AWS::DynamoDB::Table');
    expectResult('dynamodb_table_kms_encryption', 'tbl-bad', 'FAIL', 'AWS::DynamoDB::Table');
    expectRegionNa('dynamodb_table_pitr_enabled');
  });

  it('kms checks: rotation and pending deletion', () => {
    expectResult('kms_key_rotation_enabled', ids.rotatingKey ?? '', 'PASS', 'AWS::KMS::Key');
    expectResult('kms_key_rotation_enabled', ids.staticKey ?? '', 'FAIL', 'AWS::KMS::Key');
    // A key pending deletion cannot rotate; it is judged by the deletion check only.
    expect(run('kms_key_rotation_enabled').some((r) => r.resource.id === ids.deletingKey)).toBe(false);
    expectResult('kms_key_not_pending_deletion', ids.staticKey ?? '', 'PASS', 'AWS::KMS::Key');
    expectResult('kms_key_not_pending_deletion', ids.deletingKey ?? '', 'FAIL', 'AWS::KMS::Key');
    expectRegionNa('kms_key_rotation_enabled');
  });

  it('efs_file_system_encrypted: PASS and FAIL', () => {
    expectResult('efs_file_system_encrypted', ids.goodFs ?? '', 'PASS', 'AWS::EFS::FileSystem');
    expectResult('efs_file_system_encrypted', ids.badFs ?? '', 'FAIL', 'AWS::EFS::FileSystem');
  });

  it('sns_topic_encrypted and sqs_queue_encrypted: KMS / SSE-SQS PASS, none FAIL', () => {
    const topic = expectResult('sns_topic_encrypted', 'topic-good', 'PASS', 'AWS::SNS::Topic');
    expect(topic.resource.arn).toBe(`arn:aws:sns:${EAST}:${MOTO_ACCOUNT_ID}:topic-good`);
    expectResult('sns_topic_encrypted', 'topic-bad', 'FAIL', 'AWS::SNS::Topic');
    expectResult('sqs_queue_encrypted', 'queue-kms', 'PASS', 'AWS::SQS::Queue');
    expectResult('sqs_queue_encrypted', 'queue-sse-sqs', 'PASS', 'AWS::SQS::Queue');
    const bad = expectResult('sqs_queue_encrypted', 'queue-bad', 'FAIL', 'AWS::SQS::Queue');
    expect(bad.resource.arn).toBe(`arn:aws:sqs:${EAST}:${MOTO_ACCOUNT_ID}:queue-bad`);
  });

  it('backup_plan_exists: PASS with a 35-day rule, FAIL for a region with data and no plan, N/A when empty', () => {
    const pass = expectResult('backup_plan_exists', `${MOTO_ACCOUNT_ID}/${EAST}`, 'PASS', 'AWS::::Account');
    expect(pass.reason).toContain('daily-35');
    expectResult('backup_plan_exists', `${MOTO_ACCOUNT_ID}/${WEST}`, 'FAIL', 'AWS::::Account', WEST);
    expectRegionNa('backup_plan_exists');
    const strict = run('backup_plan_exists', { backupRetentionDays: 90 });
    expect(strict.find((r) => r.resource.region === EAST)?.status).toBe('FAIL');
  });

  it('every storage check has a unique snake_case id and at least one citation', () => {
    expect(storageChecks.length).toBeGreaterThanOrEqual(18);
    expect(new Set(storageChecks.map((c) => c.id)).size).toBe(storageChecks.length);
    for (const c of storageChecks) {
      expect(c.id).toMatch(/^[a-z0-9]+(_[a-z0-9]+){2,}$/);
      expect(c.citations.length).toBeGreaterThan(0);
    }
  });
});
