import { ConfigServiceClient, GetDiscoveredResourceCountsCommand, type GetDiscoveredResourceCountsCommandOutput } from '@aws-sdk/client-config-service';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, type Collected } from '../../snapshot/collected.js';
import type { ResourceCount } from '../../model/coverage.js';

/**
 * AWS Config's counts of recorded resources by type: one call per 100 types (the API's page limit),
 * so a handful of calls per region whatever the number of resources. The SDK has no paginator for it.
 */
export async function collectConfigCounts(ctx: CollectContext, region: string): Promise<Collected<ResourceCount[]>> {
  const client = ctx.clients.get(ConfigServiceClient, region);
  const pages = await attemptPages(ctx, target('config', region, 'GetDiscoveredResourceCounts'), async function* () {
    let nextToken: string | undefined;
    do {
      const page: GetDiscoveredResourceCountsCommandOutput = await client.send(
        new GetDiscoveredResourceCountsCommand({ limit: 100, ...(nextToken ? { nextToken } : {}) }),
      );
      yield page;
      nextToken = page.nextToken;
    } while (nextToken);
  });
  return mapCollected(pages, (all) =>
    all
      .flatMap((p) => p.resourceCounts ?? [])
      .filter((c) => c.resourceType && (c.count ?? 0) > 0)
      .map((c) => ({ resourceType: c.resourceType ?? '', count: c.count ?? 0 })),
  );
}
