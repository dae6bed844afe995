import { CreateClusterCommand, DAXClient } from '@aws-sdk/client-dax';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateFileSystemCommand, EFSClient, PutFileSystemPolicyCommand, DescribeBackupPolicyCommand } from '@aws-sdk/client-efs';
import {
  CreateDBClusterCommand,
  CreateDBClusterParameterGroupCommand,
  CreateDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  CreateDBParameterGroupCommand,
  CreateDBSnapshotCommand,
  DescribeDBParametersCommand,
  ModifyDBClusterParameterGroupCommand,
  ModifyDBClusterSnapshotAttributeCommand,
  ModifyDBParameterGroupCommand,
  RDSClient,
  RDSServiceException,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { storageChecks } from '../../lib/checks/storage/index.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor, snapshotOf } from '../support/snapshot.js';

const EAST = 'us-east-1';
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;

function check(id: string): CheckDefinition {
  const found = storageChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

/** Asserts status, type, region, account and that the reason names the resource. */
function expectResult(id: string, resourceId: string, status: CheckResult['status'], type: string, from = snapshot): CheckResult {
  const result = resultFor(evaluateCheck(check(id), from), resourceId);
  expect({ status: result.status, reason: result.reason }).toMatchObject({ status });
  expect(result.resource).toMatchObject({ type, region: EAST, accountId: MOTO_ACCOUNT_ID });
  expect(result.reason).toContain(resourceId);
  return result;
}

const DENIED = (name = 'AccessDenied') =>
  new RDSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'not authorized' });

async function seedRds(): Promise<void> {
  const rds = clients.get(RDSClient, EAST);
  await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: 'pg-ssl', DBParameterGroupFamily: 'postgres16', Description: 'tls' }));
  await rds.send(
    new ModifyDBParameterGroupCommand({
      DBParameterGroupName: 'pg-ssl',
      Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', ApplyMethod: 'immediate' }],
    }),
  );
  const base = { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin1', MasterUserPassword: 'password-123' };
  await rds.send(
    new CreateDBInstanceCommand({
      ...base,
      DBInstanceIdentifier: 'db-hardened',
      EngineVersion: '16.3',
      StorageEncrypted: true,
      MultiAZ: true,
      DeletionProtection: true,
      EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      EnableIAMDatabaseAuthentication: true,
      AutoMinorVersionUpgrade: true,
      DBParameterGroupName: 'pg-ssl',
    }),
  );
  // moto's default postgres version is 9.3: its default group leaves rds.force_ssl at 0.
  await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'db-bare', AutoMinorVersionUpgrade: false, EnableCloudwatchLogsExports: ['postgresql'] }));
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'db-hardened', DBSnapshotIdentifier: 'snap-encrypted' }));
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'db-bare', DBSnapshotIdentifier: 'snap-plain' }));

  await rds.send(
    new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: 'cpg-ssl', DBParameterGroupFamily: 'aurora-postgresql15', Description: 'tls' }),
  );
  await rds.send(
    new ModifyDBClusterParameterGroupCommand({
      DBClusterParameterGroupName: 'cpg-ssl',
      Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', ApplyMethod: 'immediate' }],
    }),
  );
  const cluster = { MasterUsername: 'admin1', MasterUserPassword: 'password-123' };
  await rds.send(
    new CreateDBClusterCommand({
      ...cluster,
      DBClusterIdentifier: 'aurora-hardened',
      Engine: 'aurora-postgresql',
      EngineVersion: '15.4',
      StorageEncrypted: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 14,
      DBClusterParameterGroupName: 'cpg-ssl',
    }),
  );
  await rds.send(new CreateDBClusterCommand({ ...cluster, DBClusterIdentifier: 'aurora-bare', Engine: 'aurora-mysql', StorageEncrypted: false }));
  await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'aurora-bare-1', DBClusterIdentifier: 'aurora-bare', Engine: 'aurora-mysql', DBInstanceClass: 'db.r5.large' }));
  await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'aurora-hardened', DBClusterSnapshotIdentifier: 'csnap-good' }));
  await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'aurora-bare', DBClusterSnapshotIdentifier: 'csnap-bad' }));
  await rds.send(new ModifyDBClusterSnapshotAttributeCommand({ DBClusterSnapshotIdentifier: 'csnap-bad', AttributeName: 'restore', ValuesToAdd: ['all'] }));
}

const ids: Record<string, string> = {};
async function seedEfsDynamoDax(): Promise<void> {
  const efs = clients.get(EFSClient, EAST);
  ids.fsGuarded = (await efs.send(new CreateFileSystemCommand({ CreationToken: 'guarded', Backup: true, Encrypted: true }))).FileSystemId ?? '';
  ids.fsBare = (await efs.send(new CreateFileSystemCommand({ CreationToken: 'bare' }))).FileSystemId ?? '';
  await efs.send(
    new PutFileSystemPolicyCommand({
      FileSystemId: ids.fsGuarded,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
      }),
    }),
  );
  const ddb = clients.get(DynamoDBClient, EAST);
  const table = (name: string, protect: boolean) =>
    ddb.send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: protect,
      }),
    );
  await table('tbl-protected', true);
  await table('tbl-open', false);
  const dax = clients.get(DAXClient, EAST);
  const base = { NodeType: 'dax.t3.small', ReplicationFactor: 1, IamRoleArn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/dax` };
  await dax.send(new CreateClusterCommand({ ...base, ClusterName: 'dax-encrypted', SSESpecification: { Enabled: true } }));
  await dax.send(new CreateClusterCommand({ ...base, ClusterName: 'dax-plain' }));
}

describe('storage depth: RDS, Aurora, EFS, DynamoDB, DAX (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto({ MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' });
    clients = motoClients(moto);
    await Promise.all([seedRds(), seedEfsDynamoDax()]);
    snapshot = await collectSnapshot(clients, { regions: [EAST], families: ['storage'], includeGlobal: false });
  });
  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('RDS instance controls: PASS on the hardened instance, FAIL on the bare one', () => {
    for (const id of ['rds_instance_multi_az', 'rds_instance_deletion_protection', 'rds_instance_logs_exported', 'rds_instance_iam_authentication', 'rds_instance_auto_minor_version_upgrade']) {
      expectResult(id, 'db-hardened', 'PASS', 'AWS::RDS::DBInstance');
      expectResult(id, 'db-bare', 'FAIL', 'AWS::RDS::DBInstance');
    }
    expect(expectResult('rds_instance_logs_exported', 'db-bare', 'FAIL', 'AWS::RDS::DBInstance').reason).toContain('upgrade');
    // Aurora members are assessed at cluster level.
    expect(evaluateCheck(check('rds_instance_multi_az'), snapshot).some((r) => r.resource.id === 'aurora-bare-1')).toBe(false);
  });

  it('rds_instance_tls_enforced: rds.force_ssl=1 in a custom group passes; a 9.3 default group fails on the engine default', () => {
    expect(expectResult('rds_instance_tls_enforced', 'db-hardened', 'PASS', 'AWS::RDS::DBInstance').reason).toContain('rds.force_ssl=1 in parameter group pg-ssl');
    expect(expectResult('rds_instance_tls_enforced', 'db-bare', 'FAIL', 'AWS::RDS::DBInstance').reason).toContain('engine default 0');
  });

  it('rds_instance_tls_enforced: a PostgreSQL 15+ default group passes on the engine default (rds.force_ssl 1)', () => {
    // snapshotOf: moto has no default parameter groups and creates 9.3 by default; this states the PG16 default-group case.
    const db = snapshot.storage.regions[EAST]?.dbInstances.data?.find((d) => d.id === 'db-bare');
    if (!db) throw new Error('db-bare not collected');
    const pg16 = snapshotOf({
      storage: { ...snapshot.storage, regions: { [EAST]: { ...snapshot.storage.regions[EAST]!, dbInstances: { data: [{ ...db, engineVersion: '16.3', parameterGroup: 'default.postgres16' }] } } } },
    });
    expect(expectResult('rds_instance_tls_enforced', 'db-bare', 'PASS', 'AWS::RDS::DBInstance', pg16).reason).toContain('engine default 1');
  });

  it('rds_instance_enhanced_monitoring: FAIL from moto, PASS with an interval', () => {
    expectResult('rds_instance_enhanced_monitoring', 'db-bare', 'FAIL', 'AWS::RDS::DBInstance');
    // snapshotOf: moto does not return MonitoringInterval, so the PASS state is written by hand.
    const region = snapshot.storage.regions[EAST]!;
    const monitored = snapshotOf({
      storage: { ...snapshot.storage, regions: { [EAST]: { ...region, dbInstances: { data: (region.dbInstances.data ?? []).map((d) => ({ ...d, monitoringInterval: 60 })) } } } },
    });
    expectResult('rds_instance_enhanced_monitoring', 'db-hardened', 'PASS', 'AWS::RDS::DBInstance', monitored);
  });

  it('rds_snapshot_encrypted', () => {
    expectResult('rds_snapshot_encrypted', 'snap-encrypted', 'PASS', 'AWS::RDS::DBSnapshot');
    expectResult('rds_snapshot_encrypted', 'snap-plain', 'FAIL', 'AWS::RDS::DBSnapshot');
  });

  it('DB cluster controls: PASS on the hardened Aurora cluster, FAIL on the bare one', () => {
    for (const id of ['rds_cluster_storage_encrypted', 'rds_cluster_deletion_protection', 'rds_cluster_backup_retention', 'rds_cluster_tls_enforced']) {
      expectResult(id, 'aurora-hardened', 'PASS', 'AWS::RDS::DBCluster');
      expectResult(id, 'aurora-bare', 'FAIL', 'AWS::RDS::DBCluster');
    }
    expect(expectResult('rds_cluster_tls_enforced', 'aurora-bare', 'FAIL', 'AWS::RDS::DBCluster').reason).toContain('require_secure_transport');
    expect(expectResult('rds_cluster_storage_encrypted', 'aurora-bare', 'FAIL', 'AWS::RDS::DBCluster').resource.arn).toBe(
      `arn:aws:rds:${EAST}:${MOTO_ACCOUNT_ID}:cluster:aurora-bare`,
    );
  });

  it('DB cluster snapshots: public and unencrypted fail', () => {
    expectResult('rds_cluster_snapshot_not_public', 'csnap-good', 'PASS', 'AWS::RDS::DBClusterSnapshot');
    expectResult('rds_cluster_snapshot_not_public', 'csnap-bad', 'FAIL', 'AWS::RDS::DBClusterSnapshot');
    expectResult('rds_cluster_snapshot_encrypted', 'csnap-good', 'PASS', 'AWS::RDS::DBClusterSnapshot');
    expectResult('rds_cluster_snapshot_encrypted', 'csnap-bad', 'FAIL', 'AWS::RDS::DBClusterSnapshot');
  });

  it('EFS automatic backups and TLS-only file system policy', () => {
    expectResult('efs_file_system_backup_enabled', ids.fsGuarded ?? '', 'PASS', 'AWS::EFS::FileSystem');
    expectResult('efs_file_system_backup_enabled', ids.fsBare ?? '', 'FAIL', 'AWS::EFS::FileSystem');
    expectResult('efs_file_system_policy_denies_non_tls', ids.fsGuarded ?? '', 'PASS', 'AWS::EFS::FileSystem');
    expectResult('efs_file_system_policy_denies_non_tls', ids.fsBare ?? '', 'FAIL', 'AWS::EFS::FileSystem');
  });

  it('dynamodb_table_deletion_protection and dax_cluster_encrypted', () => {
    expectResult('dynamodb_table_deletion_protection', 'tbl-protected', 'PASS', 'AWS::DynamoDB::Table');
    expectResult('dynamodb_table_deletion_protection', 'tbl-open', 'FAIL', 'AWS::DynamoDB::Table');
    expectResult('dax_cluster_encrypted', 'dax-encrypted', 'PASS', 'AWS::DAX::Cluster');
    expectResult('dax_cluster_encrypted', 'dax-plain', 'FAIL', 'AWS::DAX::Cluster');
  });

  it('a denied DescribeDBParameters or DescribeBackupPolicy makes exactly the dependent results ERROR', async () => {
    // Mock: moto cannot deny one call; everything else still goes to moto (callThrough).
    const rds = mockClient(RDSClient);
    const efs = mockClient(EFSClient);
    try {
      rds.send.callThrough();
      efs.send.callThrough();
      rds.on(DescribeDBParametersCommand).rejects(DENIED());
      efs.on(DescribeBackupPolicyCommand).rejects(DENIED());
      const denied = await collectSnapshot(clients, { regions: [EAST], families: ['storage'], includeGlobal: false });
      const tls = resultFor(evaluateCheck(check('rds_instance_tls_enforced'), denied), 'db-hardened');
      expect(tls).toMatchObject({ status: 'ERROR', resource: { id: 'db-hardened' } });
      expect(tls.reason).toContain('DescribeDBParameters failed with AccessDenied');
      expect(resultFor(evaluateCheck(check('rds_instance_tls_enforced'), denied), 'db-bare').status).toBe('FAIL');
      expect(resultFor(evaluateCheck(check('efs_file_system_backup_enabled'), denied), ids.fsBare ?? '').status).toBe('ERROR');
      expect(resultFor(evaluateCheck(check('efs_file_system_policy_denies_non_tls'), denied), ids.fsBare ?? '').status).toBe('FAIL');
    } finally {
      rds.restore();
      efs.restore();
    }
  });
});
