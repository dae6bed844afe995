import { DatabaseMigrationServiceClient, paginateDescribeEndpoints, paginateDescribeReplicationInstances } from '@aws-sdk/client-database-migration-service';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { DataRegion } from '../../snapshot/data.js';

/** Replication instances and endpoints: both listings carry everything the checks need. */
export async function collectDms(ctx: CollectContext, region: string): Promise<Pick<DataRegion, 'dmsReplicationInstances' | 'dmsEndpoints'>> {
  const client = ctx.clients.get(DatabaseMigrationServiceClient, region);
  const [instancePages, endpointPages] = await Promise.all([
    attemptPages(ctx, target('dms', region, 'DescribeReplicationInstances'), () => paginateDescribeReplicationInstances({ client }, {})),
    attemptPages(ctx, target('dms', region, 'DescribeEndpoints'), () => paginateDescribeEndpoints({ client }, {})),
  ]);
  return {
    dmsReplicationInstances: mapCollected(instancePages, (pages) =>
      pages
        .flatMap((p) => p.ReplicationInstances ?? [])
        .flatMap((i) =>
          i.ReplicationInstanceIdentifier
            ? [
                {
                  id: i.ReplicationInstanceIdentifier,
                  arn: i.ReplicationInstanceArn ?? `arn:${ctx.partition}:dms:${region}:${ctx.accountId}:rep:${i.ReplicationInstanceIdentifier}`,
                  publiclyAccessible: i.PubliclyAccessible === true,
                },
              ]
            : [],
        ),
    ),
    dmsEndpoints: mapCollected(endpointPages, (pages) =>
      pages
        .flatMap((p) => p.Endpoints ?? [])
        .flatMap((e) =>
          e.EndpointIdentifier
            ? [
                {
                  id: e.EndpointIdentifier,
                  arn: e.EndpointArn ?? `arn:${ctx.partition}:dms:${region}:${ctx.accountId}:endpoint:${e.EndpointIdentifier}`,
                  engine: (e.EngineName ?? 'unknown').toLowerCase(),
                  endpointType: e.EndpointType ?? null,
                  sslMode: e.SslMode ?? null,
                },
              ]
            : [],
        ),
    ),
  };
}
