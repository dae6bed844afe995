import type { CollectContext } from '../../collect/context.js';
import type { ComputeRegion, ComputeSnapshot } from '../../snapshot/compute.js';
import { collectApiGateway } from './apigateway.js';
import { collectEcr } from './ecr.js';
import { collectEcs } from './ecs.js';
import { collectEks } from './eks.js';
import { collectEmr } from './emr.js';
import { collectLambda } from './lambda.js';

/** Where ePHI is processed: Lambda, API Gateway, EKS, ECS, ECR and EMR settings, per region. */
export async function collectCompute(ctx: CollectContext): Promise<ComputeSnapshot> {
  const regionEntries = await Promise.all(ctx.regions.map(async (region) => [region, await collectRegion(ctx, region)] as const));
  return { regions: Object.fromEntries(regionEntries) };
}

async function collectRegion(ctx: CollectContext, region: string): Promise<ComputeRegion> {
  ctx.progress?.({ phase: 'compute', detail: region });
  const [lambda, apigateway, eks, ecs, ecr, emr] = await Promise.all([
    collectLambda(ctx, region),
    collectApiGateway(ctx, region),
    collectEks(ctx, region),
    collectEcs(ctx, region),
    collectEcr(ctx, region),
    collectEmr(ctx, region),
  ]);
  return { ...lambda, ...apigateway, ...eks, ...ecs, ...ecr, ...emr };
}
