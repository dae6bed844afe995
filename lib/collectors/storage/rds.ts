import {
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBInstances,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';
import { collectDbClusters } from './rds-clusters.js';
import { parameterGroupReader } from './rds-parameters.js';
import { tagRecord } from './tags.js';

type RdsPart = Pick<StorageRegion, 'dbInstances' | 'dbSnapshots' | 'dbClusters' | 'dbClusterSnapshots'>;

export async function collectRds(ctx: CollectContext, region: string): Promise<RdsPart> {
  const client = ctx.clients.get(RDSClient, region);
  const readGroup = parameterGroupReader(ctx, client, region, 'instance');
  const [instancePages, snapshotPages, clusters] = await Promise.all([
    attemptPages(ctx, target('rds', region, 'DescribeDBInstances'), () => paginateDescribeDBInstances({ client }, {})),
    // Manual snapshots are the ones that can be shared; automated ones cannot be made public.
    attemptPages(ctx, target('rds', region, 'DescribeDBSnapshots'), () =>
      paginateDescribeDBSnapshots({ client }, { SnapshotType: 'manual' }),
    ),
    collectDbClusters(ctx, client, region),
  ]);

  const dbSnapshots = await thenCollected(snapshotPages, (pages) =>
    Promise.all(
      pages
        .flatMap((p) => p.DBSnapshots ?? [])
        .flatMap((s) => (s.DBSnapshotIdentifier ? [s] : []))
        .map(async (s) => {
          const id = s.DBSnapshotIdentifier ?? '';
          const attrs = await attempt(ctx, target('rds', region, 'DescribeDBSnapshotAttributes', id), () =>
            client.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: id })),
          );
          const isPublic = mapCollected(attrs, (r) =>
            (r.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? []).some(
              (a) => a.AttributeName === 'restore' && (a.AttributeValues ?? []).includes('all'),
            ),
          );
          const arn = s.DBSnapshotArn ?? `arn:${ctx.partition}:rds:${region}:${ctx.accountId}:snapshot:${id}`;
          return { id, arn, public: isPublic, encrypted: s.Encrypted === true };
        }),
    ),
  );

  const dbInstances = await thenCollected(instancePages, (pages) =>
    Promise.all(
      pages
        .flatMap((p) => p.DBInstances ?? [])
        .map(async (db) => {
          const id = db.DBInstanceIdentifier ?? 'unknown';
          // An instance has one DB parameter group (the API returns a list for historical reasons).
          const parameterGroup = db.DBParameterGroups?.[0]?.DBParameterGroupName ?? null;
          return {
            id,
            arn: db.DBInstanceArn ?? `arn:${ctx.partition}:rds:${region}:${ctx.accountId}:db:${id}`,
            engine: db.Engine ?? 'unknown',
            storageEncrypted: db.StorageEncrypted === true,
            publiclyAccessible: db.PubliclyAccessible === true,
            backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
            deletionProtection: db.DeletionProtection === true,
            multiAz: db.MultiAZ === true,
            engineVersion: db.EngineVersion ?? '',
            clusterId: db.DBClusterIdentifier ?? null,
            logsExported: db.EnabledCloudwatchLogsExports ?? [],
            monitoringInterval: db.MonitoringInterval ?? 0,
            iamAuthentication: db.IAMDatabaseAuthenticationEnabled === true,
            autoMinorVersionUpgrade: db.AutoMinorVersionUpgrade === true,
            parameterGroup,
            // Cluster members take TLS settings from the cluster parameter group: not read here.
            tlsParameters: db.DBClusterIdentifier ? null : ((await readGroup(parameterGroup)) ?? null),
            tags: tagRecord(db.TagList),
          };
        }),
    ),
  );

  return { dbInstances, dbSnapshots, ...clusters };
}
