import {
  DescribeLoggingStatusCommand,
  paginateDescribeClusterParameters,
  paginateDescribeClusters,
  RedshiftClient,
  type Cluster,
} from '@aws-sdk/client-redshift';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, ok, thenCollected, type Collected } from '../../snapshot/collected.js';
import type { DataRegion, RedshiftCluster } from '../../snapshot/data.js';

/**
 * DescribeClusters, then two reads AWS offers no batch form of: DescribeClusterParameters once per
 * non-default parameter group in use (require_ssl lives only there), and DescribeLoggingStatus once per
 * cluster (audit logging is not part of DescribeClusters).
 */
export async function collectRedshift(ctx: CollectContext, region: string): Promise<Pick<DataRegion, 'redshiftClusters'>> {
  const client = ctx.clients.get(RedshiftClient, region);
  const pages = await attemptPages(ctx, target('redshift', region, 'DescribeClusters'), () => paginateDescribeClusters({ client }, {}));
  const redshiftClusters = await thenCollected(pages, async (data) => {
    const clusters = data.flatMap((p) => p.Clusters ?? []).filter((c) => c.ClusterIdentifier);
    // One read per parameter group, shared by the clusters that use it.
    const requireSslByGroup = new Map<string, Promise<Collected<boolean>>>();
    const requireSslOf = (group: string): Promise<Collected<boolean>> => {
      const known = requireSslByGroup.get(group);
      if (known) return known;
      const read = readRequireSsl(ctx, client, region, group);
      requireSslByGroup.set(group, read);
      return read;
    };
    return Promise.all(
      clusters.map(async (c): Promise<RedshiftCluster> => {
        const id = c.ClusterIdentifier ?? '';
        const group = parameterGroupOf(c);
        const logging = await attempt(ctx, target('redshift', region, 'DescribeLoggingStatus', id), () =>
          client.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id })),
        );
        return {
          id,
          arn: `arn:${ctx.partition}:redshift:${region}:${ctx.accountId}:cluster:${id}`,
          encrypted: c.Encrypted === true,
          kmsKeyId: c.KmsKeyId || null,
          publiclyAccessible: c.PubliclyAccessible === true,
          enhancedVpcRouting: c.EnhancedVpcRouting === true,
          automatedSnapshotRetentionPeriod: c.AutomatedSnapshotRetentionPeriod ?? 0,
          parameterGroupName: group,
          // A default group cannot be modified and has require_ssl false; no call is needed to know it.
          requireSsl: group === null || isDefaultGroup(group) ? ok(false) : await requireSslOf(group),
          auditLogging: mapCollected(logging, (r) => ({
            enabled: r.LoggingEnabled === true,
            destination: r.LogDestinationType || (r.BucketName ? 's3' : null),
          })),
        };
      }),
    );
  });
  return { redshiftClusters };
}

function parameterGroupOf(cluster: Cluster): string | null {
  return cluster.ClusterParameterGroups?.[0]?.ParameterGroupName ?? null;
}

function isDefaultGroup(name: string): boolean {
  return name.startsWith('default.');
}

async function readRequireSsl(ctx: CollectContext, client: RedshiftClient, region: string, group: string): Promise<Collected<boolean>> {
  const pages = await attemptPages(ctx, target('redshift', region, 'DescribeClusterParameters', group), () =>
    paginateDescribeClusterParameters({ client }, { ParameterGroupName: group }),
  );
  return mapCollected(pages, (data) =>
    data.flatMap((p) => p.Parameters ?? []).some((p) => p.ParameterName === 'require_ssl' && p.ParameterValue?.toLowerCase() === 'true'),
  );
}
