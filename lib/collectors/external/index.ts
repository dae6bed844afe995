import { mapConcurrent, type CollectContext } from '../../collect/context.js';
import type { ExternalRegion, ExternalSnapshot } from '../../snapshot/external.js';
import { collectAnalyzers } from './access-analyzer.js';
import { collectAgreements } from './artifact.js';

/** IAM Access Analyzer in every region in scope; AWS Artifact agreements once, with the global services. */
export async function collectExternal(ctx: CollectContext): Promise<ExternalSnapshot> {
  const [agreements, regional] = await Promise.all([
    ctx.includeGlobal ? collectAgreements(ctx) : Promise.resolve(undefined),
    mapConcurrent(ctx.regions, async (region) => {
      ctx.progress?.({ phase: 'external', detail: region });
      return [region, { analyzers: await collectAnalyzers(ctx, region) }] as const;
    }),
  ]);
  const regions: Record<string, ExternalRegion> = Object.fromEntries(regional);
  return agreements ? { agreements, regions } : { regions };
}
