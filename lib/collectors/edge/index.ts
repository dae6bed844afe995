import type { CollectContext } from '../../collect/context.js';
import type { EdgeRegion, EdgeSnapshot } from '../../snapshot/edge.js';
import { collectClassicElb } from './classic-elb.js';
import { collectDistributions } from './cloudfront.js';
import { collectElbv2 } from './elbv2.js';

/** Load balancers (elbv2, Classic) per region with their WAF associations; CloudFront once per account. */
export async function collectEdge(ctx: CollectContext): Promise<EdgeSnapshot> {
  const [distributions, regionEntries] = await Promise.all([
    ctx.includeGlobal ? collectDistributions(ctx) : Promise.resolve(undefined),
    Promise.all(ctx.regions.map(async (region) => [region, await collectRegion(ctx, region)] as const)),
  ]);
  return { ...(distributions ? { distributions } : {}), regions: Object.fromEntries(regionEntries) };
}

async function collectRegion(ctx: CollectContext, region: string): Promise<EdgeRegion> {
  ctx.progress?.({ phase: 'edge', detail: region });
  const [elbv2, classic] = await Promise.all([collectElbv2(ctx, region), collectClassicElb(ctx, region)]);
  return { ...elbv2, ...classic };
}
