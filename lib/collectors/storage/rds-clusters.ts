import {
  DescribeDBClusterSnapshotAttributesCommand,
  paginateDescribeDBClusters,
  paginateDescribeDBClusterSnapshots,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { parameterGroupReader } from './rds-parameters.js';
import { tagRecord } from './tags.js';

type ClusterPart = Pick<StorageRegion, 'dbClusters' | 'dbClusterSnapshots'>;

/**
 * Aurora and Multi-AZ DB clusters (DescribeDBClusters also lists Neptune and DocumentDB clusters, which
 * are kept: they store data the same way), their custom cluster parameter groups' TLS settings, and
 * manual cluster snapshots with their `restore` attribute (the only way to see whether one is public).
 */
export async function collectDbClusters(ctx: CollectContext, client: RDSClient, region: string): Promise<ClusterPart> {
  const readGroup = parameterGroupReader(ctx, client, region, 'cluster');
  const [clusterPages, snapshotPages] = await Promise.all([
    attemptPages(ctx, target('rds', region, 'DescribeDBClusters'), () => paginateDescribeDBClusters({ client }, {})),
    attemptPages(ctx, target('rds', region, 'DescribeDBClusterSnapshots'), () =>
      paginateDescribeDBClusterSnapshots({ client }, { SnapshotType: 'manual' }),
    ),
  ]);

  const dbClusters = await thenCollected(clusterPages, (pages) =>
    Promise.all(
      pages
        .flatMap((p) => p.DBClusters ?? [])
        .map(async (c) => {
          const id = c.DBClusterIdentifier ?? 'unknown';
          const parameterGroup = c.DBClusterParameterGroup ?? null;
          return {
            id,
            arn: c.DBClusterArn ?? `arn:${ctx.partition}:rds:${region}:${ctx.accountId}:cluster:${id}`,
            engine: c.Engine ?? 'unknown',
            engineVersion: c.EngineVersion ?? '',
            storageEncrypted: c.StorageEncrypted === true,
            deletionProtection: c.DeletionProtection === true,
            backupRetentionPeriod: c.BackupRetentionPeriod ?? 0,
            parameterGroup,
            tlsParameters: (await readGroup(parameterGroup)) ?? null,
            tags: tagRecord(c.TagList),
          };
        }),
    ),
  );

  const dbClusterSnapshots = await thenCollected(snapshotPages, (pages) =>
    Promise.all(
      pages
        .flatMap((p) => p.DBClusterSnapshots ?? [])
        .flatMap((s) => (s.DBClusterSnapshotIdentifier ? [{ ...s, id: s.DBClusterSnapshotIdentifier }] : []))
        .map(async (s) => {
          const attrs = await attempt(ctx, target('rds', region, 'DescribeDBClusterSnapshotAttributes', s.id), () =>
            client.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: s.id })),
          );
          return {
            id: s.id,
            arn: s.DBClusterSnapshotArn ?? `arn:${ctx.partition}:rds:${region}:${ctx.accountId}:cluster-snapshot:${s.id}`,
            clusterId: s.DBClusterIdentifier ?? 'unknown',
            encrypted: s.StorageEncrypted === true,
            public: mapCollected(attrs, (r) =>
              (r.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? []).some(
                (a) => a.AttributeName === 'restore' && (a.AttributeValues ?? []).includes('all'),
              ),
            ),
          };
        }),
    ),
  );
  return { dbClusters, dbClusterSnapshots };
}
