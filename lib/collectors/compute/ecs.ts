import { DescribeTaskDefinitionCommand, ECSClient, paginateListTaskDefinitionFamilies } from '@aws-sdk/client-ecs';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { ComputeRegion } from '../../snapshot/compute.js';

/**
 * The latest ACTIVE revision of every task definition family (what Security Hub ECS.4/ECS.9 judge):
 * ListTaskDefinitionFamilies, then DescribeTaskDefinition by family name, which returns that revision.
 * Container definitions exist nowhere else; one call per family, not per revision.
 */
export async function collectEcs(ctx: CollectContext, region: string): Promise<Pick<ComputeRegion, 'taskDefinitions'>> {
  const client = ctx.clients.get(ECSClient, region);
  const pages = await attemptPages(ctx, target('ecs', region, 'ListTaskDefinitionFamilies'), () =>
    paginateListTaskDefinitionFamilies({ client }, { status: 'ACTIVE' }),
  );
  const taskDefinitions = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.families ?? [])
        .map(async (family) => {
          const described = await attempt(ctx, target('ecs', region, 'DescribeTaskDefinition', family), () =>
            client.send(new DescribeTaskDefinitionCommand({ taskDefinition: family })),
          );
          return {
            family,
            details: mapCollected(described, (r) => ({
              arn: r.taskDefinition?.taskDefinitionArn ?? `arn:${ctx.partition}:ecs:${region}:${ctx.accountId}:task-definition/${family}`,
              revision: r.taskDefinition?.revision ?? 0,
              containers: (r.taskDefinition?.containerDefinitions ?? []).map((c) => ({
                name: c.name ?? '?',
                privileged: c.privileged === true,
                logDriver: c.logConfiguration?.logDriver ?? null,
              })),
            })),
          };
        }),
    ),
  );
  return { taskDefinitions };
}
