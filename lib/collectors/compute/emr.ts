import { EMRClient, GetBlockPublicAccessConfigurationCommand } from '@aws-sdk/client-emr';
import { attempt, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { ComputeRegion } from '../../snapshot/compute.js';

/** EMR block public access is one regional, account-wide setting. */
export async function collectEmr(ctx: CollectContext, region: string): Promise<Pick<ComputeRegion, 'emrBlockPublicAccess'>> {
  const client = ctx.clients.get(EMRClient, region);
  const response = await attempt(ctx, target('emr', region, 'GetBlockPublicAccessConfiguration'), () =>
    client.send(new GetBlockPublicAccessConfigurationCommand({})),
  );
  return {
    emrBlockPublicAccess: mapCollected(response, (r) => ({
      // AWS always returns the flag; an answer without it (never configured, as moto gives) is not a block.
      blockPublicSecurityGroupRules: r.BlockPublicAccessConfiguration?.BlockPublicSecurityGroupRules === true,
      permittedPortRanges: (r.BlockPublicAccessConfiguration?.PermittedPublicSecurityGroupRuleRanges ?? []).map((range) =>
        range.MaxRange === undefined || range.MaxRange === range.MinRange ? String(range.MinRange) : `${range.MinRange}-${range.MaxRange}`,
      ),
    })),
  };
}
