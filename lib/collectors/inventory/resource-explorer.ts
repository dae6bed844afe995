import { paginateListResources, ResourceExplorer2Client } from '@aws-sdk/client-resource-explorer-2';
import { attemptOrAbsent, target, type CollectContext } from '../../collect/context.js';
import type { Collected } from '../../snapshot/collected.js';
import type { ResourceCount } from '../../model/coverage.js';

// Resource Explorer answers 401 UnauthorizedException when the region has no default view (its documented
// meaning; a missing IAM permission is AccessDeniedException), which here means "no inventory", not a failure.
const NO_DEFAULT_VIEW = ['UnauthorizedException'];

/**
 * Counts the resources of the region's default view by type. ListResources returns resource metadata
 * (ARN, type, region), never content; 1,000 resources per call.
 */
export async function collectResourceExplorerCounts(ctx: CollectContext, region: string): Promise<Collected<ResourceCount[] | null>> {
  const client = ctx.clients.get(ResourceExplorer2Client, region);
  return attemptOrAbsent(ctx, target('resource-explorer-2', region, 'ListResources'), NO_DEFAULT_VIEW, async () => {
    const counts = new Map<string, number>();
    for await (const page of paginateListResources({ client, pageSize: 1000 }, { Filters: { FilterString: `region:${region}` } })) {
      ctx.evidence.record('resource-explorer-2', region, 'ListResources', { resourceCounts: countPage(page.Resources ?? []) });
      for (const r of page.Resources ?? []) if (r.ResourceType) counts.set(r.ResourceType, (counts.get(r.ResourceType) ?? 0) + 1);
    }
    return [...counts].map(([resourceType, count]) => ({ resourceType, count }));
  });
}

// Evidence keeps counts per page, not the resource list: the inventory is about types, and ARNs of every
// resource in the account would make each run's evidence grow with the account for no verdict.
function countPage(resources: readonly { ResourceType?: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of resources) if (r.ResourceType) out[r.ResourceType] = (out[r.ResourceType] ?? 0) + 1;
  return out;
}
