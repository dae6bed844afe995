import { DescribeClusterCommand, EKSClient, paginateListClusters, type Cluster } from '@aws-sdk/client-eks';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { ComputeRegion, EksCluster, EksDetails } from '../../snapshot/compute.js';

/** ListClusters names the clusters only; DescribeCluster per cluster is the one place their settings are. */
export async function collectEks(ctx: CollectContext, region: string): Promise<Pick<ComputeRegion, 'eksClusters'>> {
  const client = ctx.clients.get(EKSClient, region);
  const pages = await attemptPages(ctx, target('eks', region, 'ListClusters'), () => paginateListClusters({ client }, {}));
  const eksClusters = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.clusters ?? [])
        .map(async (name): Promise<EksCluster> => {
          const described = await attempt(ctx, target('eks', region, 'DescribeCluster', name), () =>
            client.send(new DescribeClusterCommand({ name })),
          );
          return {
            name,
            arn: described.data?.cluster?.arn ?? `arn:${ctx.partition}:eks:${region}:${ctx.accountId}:cluster/${name}`,
            details: mapCollected(described, (r) => toDetails(r.cluster)),
          };
        }),
    ),
  );
  return { eksClusters };
}

function toDetails(c: Cluster | undefined): EksDetails {
  const vpc = c?.resourcesVpcConfig;
  return {
    secretsKeyArn:
      (c?.encryptionConfig ?? []).find((e) => e.resources?.includes('secrets'))?.provider?.keyArn ?? null,
    endpointPublicAccess: vpc?.endpointPublicAccess ?? null,
    endpointPrivateAccess: vpc?.endpointPrivateAccess ?? null,
    publicAccessCidrs: vpc?.publicAccessCidrs ?? [],
    enabledLogTypes: (c?.logging?.clusterLogging ?? []).filter((l) => l.enabled === true).flatMap((l) => l.types ?? []),
  };
}
