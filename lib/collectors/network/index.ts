import type { CollectContext } from '../../collect/context.js';
import type { NetworkRegion, NetworkSnapshot } from '../../snapshot/network.js';
import { collectImages } from './images.js';
import { collectInstances } from './instances.js';
import { collectLaunchSettings } from './launch.js';
import { collectSecurityGroups } from './security-groups.js';
import { collectVpcLayer } from './vpc.js';

/**
 * VPC network exposure and EC2 compute, per region. Calls per region: DescribeSecurityGroups,
 * DescribeNetworkInterfaces, DescribeNetworkAcls, DescribeSubnets, DescribeInstances, DescribeImages,
 * DescribeLaunchTemplateVersions, autoscaling:DescribeLaunchConfigurations, and
 * ssm:DescribeInstanceInformation when the region has instances; each paginated, none per resource.
 * VPCs are not listed again: the logging family has them, and every VPC's default security group is in
 * the DescribeSecurityGroups answer (named `default`, it cannot be deleted).
 */
export async function collectNetwork(ctx: CollectContext): Promise<NetworkSnapshot> {
  const entries = await Promise.all(ctx.regions.map(async (region) => [region, await collectRegion(ctx, region)] as const));
  return { regions: Object.fromEntries(entries) };
}

async function collectRegion(ctx: CollectContext, region: string): Promise<NetworkRegion> {
  ctx.progress?.({ phase: 'network', detail: region });
  const [groups, vpc, instances, images, launch] = await Promise.all([
    collectSecurityGroups(ctx, region),
    collectVpcLayer(ctx, region),
    collectInstances(ctx, region),
    collectImages(ctx, region),
    collectLaunchSettings(ctx, region),
  ]);
  return { ...groups, ...vpc, ...instances, ...images, ...launch };
}
