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

type RdsPart = Pick<StorageRegion, 'dbInstances' | 'dbSnapshots'>;

export async function collectRds(ctx: CollectContext, region: string): Promise<RdsPart> {
  const client = ctx.clients.get(RDSClient, region);
  const [instancePages, snapshotPages] = await Promise.all([
    attemptPages(ctx, target('rds', region, 'DescribeDBInstances'), () => paginateDescribeDBInstances({ client }, {})),
    // Manual snapshots are the ones that can be shared; automated ones cannot be made public.
    attemptPages(ctx, target('rds', region, 'DescribeDBSnapshots'), () =>
      paginateDescribeDBSnapshots({ client }, { SnapshotType: 'manual' }),
    ),
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
          return { id, arn, public: isPublic };
        }),
    ),
  );

  return {
    dbInstances: mapCollected(instancePages, (pages) =>
      pages
        .flatMap((p) => p.DBInstances ?? [])
        .map((db) => {
          const id = db.DBInstanceIdentifier ?? 'unknown';
          return {
            id,
            arn: db.DBInstanceArn ?? `arn:${ctx.partition}:rds:${region}:${ctx.accountId}:db:${id}`,
            engine: db.Engine ?? 'unknown',
            storageEncrypted: db.StorageEncrypted === true,
            publiclyAccessible: db.PubliclyAccessible === true,
            backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
            deletionProtection: db.DeletionProtection === true,
            multiAz: db.MultiAZ === true,
          };
        }),
    ),
    dbSnapshots,
  };
}
