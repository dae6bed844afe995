import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import type { RegionalCounts } from '../scale.js';
import { range, seqName, type SeedGroup } from './tasks.js';

/**
 * One region's stores. None of these APIs has a batch create, so each resource is one task; half of
 * each kind is configured well (encrypted, rotated, retained) so checks produce both outcomes.
 */
export function regionalSeedGroups(clients: AwsClientFactory, region: string, counts: RegionalCounts): SeedGroup[] {
  const ec2 = clients.get(EC2Client, region);
  const rds = clients.get(RDSClient, region);
  const kms = clients.get(KMSClient, region);
  const logs = clients.get(CloudWatchLogsClient, region);
  const ddb = clients.get(DynamoDBClient, region);
  return [
    {
      label: `${region} ebs volumes`,
      tasks: range(counts.volumes).map((i) => async () => {
        await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8, Encrypted: i % 2 === 0 }));
      }),
    },
    {
      label: `${region} rds instances`,
      tasks: range(counts.rdsInstances).map((i) => async () => {
        await rds.send(new CreateDBInstanceCommand({
          DBInstanceIdentifier: seqName('bench-db', i), DBInstanceClass: 'db.t3.micro', Engine: i % 2 ? 'mysql' : 'postgres',
          AllocatedStorage: 20, MasterUsername: 'benchadmin', MasterUserPassword: 'bench-only-placeholder',
          StorageEncrypted: i % 2 === 0, PubliclyAccessible: i % 10 === 0, BackupRetentionPeriod: i % 3 === 0 ? 1 : 14,
        }));
      }),
    },
    {
      label: `${region} kms keys`,
      tasks: range(counts.kmsKeys).map((i) => async () => {
        const key = await kms.send(new CreateKeyCommand({ Description: seqName('bench-key', i) }));
        if (i % 2 === 0) await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyMetadata?.KeyId ?? '' }));
      }),
    },
    {
      label: `${region} log groups`,
      tasks: range(counts.logGroups).map((i) => async () => {
        const logGroupName = `/bench/${seqName('group', i)}`;
        await logs.send(new CreateLogGroupCommand({ logGroupName }));
        if (i % 2 === 0) await logs.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 2192 }));
      }),
    },
    {
      label: `${region} dynamodb tables`,
      tasks: range(counts.tables).map((i) => async () => {
        const TableName = seqName('bench-table', i);
        await ddb.send(new CreateTableCommand({
          TableName, BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          ...(i % 2 === 0 ? { SSESpecification: { Enabled: true, SSEType: 'KMS' } } : {}),
        }));
        if (i % 4 === 0) {
          await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
        }
      }),
    },
  ];
}
