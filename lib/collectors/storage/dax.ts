import { DAXClient, DescribeClustersCommand } from '@aws-sdk/client-dax';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { tokenPages } from './token-pages.js';

/** DAX clusters cache DynamoDB items (ePHI when the table holds it); DescribeClusters carries SSEDescription. */
export async function collectDaxClusters(ctx: CollectContext, region: string): Promise<StorageRegion['daxClusters']> {
  const client = ctx.clients.get(DAXClient, region);
  const pages = await attemptPages(ctx, target('dax', region, 'DescribeClusters'), () =>
    tokenPages((NextToken) => client.send(new DescribeClustersCommand(NextToken ? { NextToken } : {}))),
  );
  return mapCollected(pages, (data) =>
    data
      .flatMap((p) => p.Clusters ?? [])
      .map((c) => {
        const name = c.ClusterName ?? 'unknown';
        return {
          name,
          arn: c.ClusterArn ?? `arn:${ctx.partition}:dax:${region}:${ctx.accountId}:cache/${name}`,
          sseStatus: c.SSEDescription?.Status ?? null,
        };
      }),
  );
}
