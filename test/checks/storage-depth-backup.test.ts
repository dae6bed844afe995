import {
  BackupClient,
  BackupServiceException,
  CreateBackupPlanCommand,
  CreateBackupVaultCommand,
  GetBackupSelectionCommand,
  GetBackupVaultAccessPolicyCommand,
  ListBackupSelectionsCommand,
  ListProtectedResourcesCommand,
  ListRecoveryPointsByBackupVaultCommand,
  ListRestoreTestingPlansCommand,
  PutBackupVaultLockConfigurationCommand,
} from '@aws-sdk/client-backup';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { scheduleIntervalHours } from '../../lib/checks/storage/helpers/backup-schedule.js';
import { storageChecks } from '../../lib/checks/storage/index.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

/*
 * moto (5.2) emulates backup plans and vaults (incl. Vault Lock) but not ListBackupSelections,
 * GetBackupSelection, ListProtectedResources, ListRestoreTestingPlans, GetBackupVaultAccessPolicy or
 * ListRecoveryPointsByBackupVault: those are mocked with aws-sdk-client-mock; every other call, and all
 * the protected resources (volumes, tables, file systems), go to moto.
 */
const EAST = 'us-east-1';
const NOW = new Date('2026-03-01T12:00:00Z');
let moto: MotoServer;
let clients: AwsClientFactory;
let backup: AwsClientStub<BackupClient>;
const ids: Record<string, string> = {};

function check(id: string): CheckDefinition {
  const found = storageChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function expectResult(snapshot: AccountSnapshot, id: string, resourceId: string, status: CheckResult['status'], type: string): CheckResult {
  const result = resultFor(evaluateCheck(check(id), snapshot, { now: NOW }), resourceId);
  expect({ status: result.status, reason: result.reason }).toMatchObject({ status });
  expect(result.resource).toMatchObject({ type, region: EAST, accountId: MOTO_ACCOUNT_ID });
  expect(result.reason).toContain(resourceId.split('/').at(-1));
  return result;
}

const collect = () => collectSnapshot(clients, { regions: [EAST], families: ['storage'], includeGlobal: false, now: () => NOW });
const notFound = () => new BackupServiceException({ name: 'ResourceNotFoundException', $fault: 'client', $metadata: { httpStatusCode: 404 }, message: 'none' });
const denied = () => new BackupServiceException({ name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'denied' });

async function seed(): Promise<void> {
  const ec2 = clients.get(EC2Client, EAST);
  const volume = async (tags: Record<string, string>) =>
    (
      await ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: 'us-east-1a',
          Size: 8,
          TagSpecifications: [{ ResourceType: 'volume', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }],
        }),
      )
    ).VolumeId ?? '';
  ids.taggedVolume = await volume({ backup: 'daily' });
  ids.recentVolume = await volume({ team: 'ehr' });
  ids.staleVolume = await volume({ team: 'ehr' });
  const ddb = clients.get(DynamoDBClient, EAST);
  for (const name of ['tbl-claims', 'tbl-scratch']) {
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  }
  ids.fs = (await clients.get(EFSClient, EAST).send(new CreateFileSystemCommand({ CreationToken: 'unprotected' }))).FileSystemId ?? '';

  const bk = clients.get(BackupClient, EAST);
  for (const name of ['locked-vault', 'open-vault', 'policy-vault']) await bk.send(new CreateBackupVaultCommand({ BackupVaultName: name }));
  await bk.send(new PutBackupVaultLockConfigurationCommand({ BackupVaultName: 'locked-vault', MinRetentionDays: 7 }));
  const plan = async (name: string, schedule: string, days: number) =>
    (
      await bk.send(
        new CreateBackupPlanCommand({
          BackupPlan: { BackupPlanName: name, Rules: [{ RuleName: name, TargetBackupVaultName: 'locked-vault', ScheduleExpression: schedule, Lifecycle: { DeleteAfterDays: days } }] },
        }),
      )
    ).BackupPlanId ?? '';
  ids.dailyPlan = await plan('daily-35', 'cron(0 5 ? * * *)', 35);
  ids.weeklyPlan = await plan('weekly-7', 'cron(0 5 ? * SUN *)', 7);
}

/** The answers moto cannot give, for a healthy account unless a test overrides them. */
function mockBackupExtras(): void {
  backup.on(ListBackupSelectionsCommand).resolves({ BackupSelectionsList: [] });
  backup.on(ListBackupSelectionsCommand, { BackupPlanId: ids.dailyPlan }).resolves({ BackupSelectionsList: [{ SelectionId: 'sel-tags', SelectionName: 'tagged' }] });
  backup.on(ListBackupSelectionsCommand, { BackupPlanId: ids.weeklyPlan }).resolves({ BackupSelectionsList: [{ SelectionId: 'sel-tables', SelectionName: 'tables' }] });
  backup.on(GetBackupSelectionCommand, { SelectionId: 'sel-tags' }).resolves({
    BackupSelection: {
      SelectionName: 'tagged',
      IamRoleArn: 'arn:aws:iam::123456789012:role/backup',
      Resources: ['arn:aws:ec2:*:*:volume/*'],
      Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'daily' }] },
    },
  });
  backup.on(GetBackupSelectionCommand, { SelectionId: 'sel-tables' }).resolves({
    BackupSelection: {
      SelectionName: 'tables',
      IamRoleArn: 'arn:aws:iam::123456789012:role/backup',
      Resources: ['arn:aws:dynamodb:*:*:table/tbl-*'],
      NotResources: ['arn:aws:dynamodb:*:*:table/tbl-scratch'],
    },
  });
  const volumeArn = (id: string) => `arn:aws:ec2:${EAST}:${MOTO_ACCOUNT_ID}:volume/${id}`;
  backup.on(ListProtectedResourcesCommand).resolves({
    Results: [
      { ResourceArn: volumeArn(ids.recentVolume ?? ''), ResourceType: 'EBS', LastBackupTime: new Date(NOW.getTime() - 3 * 3_600_000) },
      { ResourceArn: volumeArn(ids.staleVolume ?? ''), ResourceType: 'EBS', LastBackupTime: new Date(NOW.getTime() - 72 * 3_600_000) },
    ],
  });
  backup.on(ListRestoreTestingPlansCommand).resolves({ RestoreTestingPlans: [] });
  backup.on(GetBackupVaultAccessPolicyCommand).rejects(notFound());
  backup.on(GetBackupVaultAccessPolicyCommand, { BackupVaultName: 'policy-vault' }).resolves({
    Policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'], Resource: '*' }] }),
  });
  backup.on(ListRecoveryPointsByBackupVaultCommand).resolves({ RecoveryPoints: [] });
  backup.on(ListRecoveryPointsByBackupVaultCommand, { BackupVaultName: 'locked-vault' }).resolves({ RecoveryPoints: [{ RecoveryPointArn: 'arn:rp:good', IsEncrypted: true }] });
  backup.on(ListRecoveryPointsByBackupVaultCommand, { BackupVaultName: 'open-vault' }).resolves({
    RecoveryPoints: [
      { RecoveryPointArn: 'arn:rp:encrypted', IsEncrypted: true },
      { RecoveryPointArn: 'arn:aws:ec2:us-east-1::snapshot/snap-plain', IsEncrypted: false },
    ],
  });
}

describe('storage depth: AWS Backup contingency (moto resources, mocked Backup extras)', () => {
  let snapshot: AccountSnapshot;
  beforeAll(async () => {
    moto = await startMoto({ MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' });
    clients = motoClients(moto);
    await seed();
  });
  beforeEach(async () => {
    backup = mockClient(BackupClient);
    backup.send.callThrough();
    mockBackupExtras();
    snapshot = await collect();
  });
  afterEach(() => backup.restore());
  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('backup_resource_protected: selection by tag condition or ARN wildcard, a recent recovery point; NotResources, stale or none fail', () => {
    const id = 'backup_resource_protected';
    expect(expectResult(snapshot, id, ids.taggedVolume ?? '', 'PASS', 'AWS::EC2::Volume').reason).toContain('backup plan daily-35 (selection tagged)');
    expect(expectResult(snapshot, id, ids.recentVolume ?? '', 'PASS', 'AWS::EC2::Volume').reason).toContain('3 h old');
    expect(expectResult(snapshot, id, ids.staleVolume ?? '', 'FAIL', 'AWS::EC2::Volume').reason).toContain('72 h old');
    expectResult(snapshot, id, 'tbl-claims', 'PASS', 'AWS::DynamoDB::Table');
    expectResult(snapshot, id, 'tbl-scratch', 'FAIL', 'AWS::DynamoDB::Table');
    const fs = expectResult(snapshot, id, ids.fs ?? '', 'FAIL', 'AWS::EFS::FileSystem');
    expect(fs.reason).toContain('no recovery point');
    expect(fs.resource.arn).toBe(`arn:aws:elasticfilesystem:${EAST}:${MOTO_ACCOUNT_ID}:file-system/${ids.fs}`);
  });

  it('backup_plan_min_frequency_and_retention: daily/35 passes, weekly/7 fails', () => {
    expectResult(snapshot, 'backup_plan_min_frequency_and_retention', 'daily-35', 'PASS', 'AWS::Backup::BackupPlan');
    expectResult(snapshot, 'backup_plan_min_frequency_and_retention', 'weekly-7', 'FAIL', 'AWS::Backup::BackupPlan');
  });

  it('backup_vault_lock_or_deny_delete: Vault Lock (moto) or a Deny policy passes; neither fails', () => {
    expectResult(snapshot, 'backup_vault_lock_or_deny_delete', 'locked-vault', 'PASS', 'AWS::Backup::BackupVault');
    expectResult(snapshot, 'backup_vault_lock_or_deny_delete', 'policy-vault', 'PASS', 'AWS::Backup::BackupVault');
    expectResult(snapshot, 'backup_vault_lock_or_deny_delete', 'open-vault', 'FAIL', 'AWS::Backup::BackupVault');
  });

  it('backup_recovery_point_encrypted names the unencrypted recovery point', () => {
    expectResult(snapshot, 'backup_recovery_point_encrypted', 'locked-vault', 'PASS', 'AWS::Backup::BackupVault');
    expect(expectResult(snapshot, 'backup_recovery_point_encrypted', 'open-vault', 'FAIL', 'AWS::Backup::BackupVault').reason).toContain('snap-plain');
    expect(evaluateCheck(check('backup_recovery_point_encrypted'), snapshot).some((r) => r.resource.id === 'policy-vault')).toBe(false);
  });

  it('backup_restore_testing_plan_exists: FAIL without, PASS with a restore testing plan', async () => {
    const scope = `${MOTO_ACCOUNT_ID}/${EAST}`;
    expect(resultFor(evaluateCheck(check('backup_restore_testing_plan_exists'), snapshot), scope).status).toBe('FAIL');
    backup.on(ListRestoreTestingPlansCommand).resolves({ RestoreTestingPlans: [{ RestoreTestingPlanName: 'weekly-restore', RestoreTestingPlanArn: 'arn:rtp', CreationTime: NOW, ScheduleExpression: 'cron(0 6 ? * SUN *)' }] });
    const tested = await collect();
    const result = resultFor(evaluateCheck(check('backup_restore_testing_plan_exists'), tested), scope);
    expect(result).toMatchObject({ status: 'PASS', resource: { id: scope, region: EAST } });
    expect(result.reason).toContain('weekly-restore');
  });

  it('failed selection or protected-resource listings give ERROR only where they decide the result', async () => {
    backup.on(ListBackupSelectionsCommand, { BackupPlanId: ids.weeklyPlan }).rejects(denied());
    backup.on(ListProtectedResourcesCommand).rejects(denied());
    const broken = await collect();
    const results = evaluateCheck(check('backup_resource_protected'), broken, { now: NOW });
    // Selected by the readable plan: still PASS.
    expect(resultFor(results, ids.taggedVolume ?? '').status).toBe('PASS');
    const table = resultFor(results, 'tbl-claims');
    expect(table.status).toBe('ERROR');
    expect(table.reason).toContain('ListBackupSelections failed with AccessDeniedException');
    expect(resultFor(results, ids.fs ?? '').status).toBe('ERROR');
    expect(resultFor(evaluateCheck(check('backup_vault_lock_or_deny_delete'), broken), 'open-vault').status).toBe('FAIL');
  });

  it('scheduleIntervalHours reads the schedules that decide daily-or-better', () => {
    expect(scheduleIntervalHours(null)).toBe(24);
    expect(scheduleIntervalHours('cron(0 5 ? * * *)')).toBe(24);
    expect(scheduleIntervalHours('cron(0 0/12 ? * * *)')).toBe(12);
    expect(scheduleIntervalHours('cron(0 1,13 ? * * *)')).toBe(12);
    expect(scheduleIntervalHours('cron(0 5 ? * SUN *)')).toBeGreaterThan(24);
    expect(scheduleIntervalHours('cron(0 5 1 * ? *)')).toBeGreaterThan(24);
    expect(scheduleIntervalHours('rate(12 hours)')).toBe(12);
    expect(scheduleIntervalHours('at(2026-01-01T00:00:00)')).toBeNull();
  });
});
