import { BackupClient, ListProtectedResourcesCommand, ListRestoreTestingPlansCommand } from '@aws-sdk/client-backup';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateDBClusterCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { scanAccount, type ScanResult } from '../../lib/scan/scan-account.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';

// Issue 12 "Done when" (RDS/Aurora and contingency part): an Aurora cluster without encryption and an
// EFS file system no backup protects are each FAIL, with the exact resource and citation, through the real scan.
const REGION = 'us-east-1';
let moto: MotoServer;
let clients: AwsClientFactory;
let scan: ScanResult;
let fileSystemId = '';

describe('scan: unencrypted Aurora cluster and unprotected EFS file system', () => {
  beforeAll(async () => {
    moto = await startMoto({ MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' });
    clients = motoClients(moto);
    await clients.get(RDSClient, REGION).send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: 'claims-aurora',
        Engine: 'aurora-postgresql',
        EngineVersion: '15.4',
        MasterUsername: 'claims',
        MasterUserPassword: 'password-123',
        StorageEncrypted: false,
      }),
    );
    fileSystemId = (await clients.get(EFSClient, REGION).send(new CreateFileSystemCommand({ CreationToken: 'imaging', Encrypted: true }))).FileSystemId ?? '';
    // Mock: moto 5.2 does not emulate ListProtectedResources or ListRestoreTestingPlans; this account has
    // no recovery points and no restore testing plans. All other Backup calls go to moto.
    const backup = mockClient(BackupClient);
    try {
      backup.send.callThrough();
      backup.on(ListProtectedResourcesCommand).resolves({ Results: [] });
      backup.on(ListRestoreTestingPlansCommand).resolves({ RestoreTestingPlans: [] });
      scan = await scanAccount({ clients, regions: [REGION] });
    } finally {
      backup.restore();
    }
  });
  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  const finding = (checkId: string, arn: string) => {
    const found = scan.findings.filter((f) => f.checkId === checkId && f.resource.arn === arn);
    expect(found, `${checkId} on ${arn}`).toHaveLength(1);
    return found[0]!;
  };

  it('reports the Aurora cluster storage as unencrypted', () => {
    const f = finding('rds_cluster_storage_encrypted', `arn:aws:rds:${REGION}:${MOTO_ACCOUNT_ID}:cluster:claims-aurora`);
    expect(f).toMatchObject({ status: 'FAIL', citations: ['164.312(a)(2)(iv)'], resource: { id: 'claims-aurora', region: REGION, type: 'AWS::RDS::DBCluster' } });
    expect(f.reason).toContain('claims-aurora');
  });

  it('reports the EFS file system as protected by no backup plan and no recovery point', () => {
    const arn = `arn:aws:elasticfilesystem:${REGION}:${MOTO_ACCOUNT_ID}:file-system/${fileSystemId}`;
    const f = finding('backup_resource_protected', arn);
    expect(f).toMatchObject({
      status: 'FAIL',
      citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(i)', '164.310(d)(2)(iv)'],
      resource: { id: fileSystemId, region: REGION, type: 'AWS::EFS::FileSystem' },
    });
    expect(f.reason).toContain(`EFS file system ${fileSystemId} is in no backup plan selection`);
    expect(finding('efs_file_system_backup_enabled', arn)).toMatchObject({ status: 'FAIL', citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'] });
  });
});
