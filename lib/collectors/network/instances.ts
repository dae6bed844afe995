import { EC2Client, paginateDescribeInstances, type Instance as Ec2Instance } from '@aws-sdk/client-ec2';
import { paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, type Collected } from '../../snapshot/collected.js';
import type { Instance, ManagedInstance, NetworkRegion } from '../../snapshot/network.js';

type InstancePart = Pick<NetworkRegion, 'instances' | 'managedInstances'>;

// Gone or going: no configuration left to assess.
const ENDED_STATES = new Set(['terminated', 'shutting-down']);

function toInstance(i: Ec2Instance, region: string, ctx: CollectContext, ownerId: string): Instance[] {
  if (!i.InstanceId || ENDED_STATES.has(i.State?.Name ?? '')) return [];
  return [
    {
      id: i.InstanceId,
      arn: `arn:${ctx.partition}:ec2:${region}:${ownerId}:instance/${i.InstanceId}`,
      name: i.Tags?.find((t) => t.Key === 'Name')?.Value ?? null,
      state: i.State?.Name ?? 'unknown',
      stateTransitionReason: i.StateTransitionReason || null,
      launchTime: i.LaunchTime ? i.LaunchTime.toISOString() : null,
      publicIpAddress: i.PublicIpAddress ?? null,
      httpTokens: i.MetadataOptions?.HttpTokens ?? null,
      httpEndpoint: i.MetadataOptions?.HttpEndpoint ?? null,
      instanceProfileArn: i.IamInstanceProfile?.Arn ?? null,
      monitoring: i.Monitoring?.State ?? null,
      securityGroupIds: (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    },
  ];
}

/**
 * EC2 instances, and which of them Systems Manager manages. DescribeInstanceInformation is one paginated
 * call per region, made only when the region has instances (nothing to match otherwise).
 */
export async function collectInstances(ctx: CollectContext, region: string): Promise<InstancePart> {
  const client = ctx.clients.get(EC2Client, region);
  const pages = await attemptPages(ctx, target('ec2', region, 'DescribeInstances'), () => paginateDescribeInstances({ client }, {}));
  const instances = mapCollected(pages, (all) =>
    all
      .flatMap((p) => p.Reservations ?? [])
      .flatMap((r) => (r.Instances ?? []).flatMap((i) => toInstance(i, region, ctx, r.OwnerId ?? ctx.accountId))),
  );
  const managedInstances = instances.data && instances.data.length > 0 ? await collectManagedInstances(ctx, region) : null;
  return { instances, managedInstances };
}

async function collectManagedInstances(ctx: CollectContext, region: string): Promise<Collected<ManagedInstance[]>> {
  const client = ctx.clients.get(SSMClient, region);
  const pages = await attemptPages(ctx, target('ssm', region, 'DescribeInstanceInformation'), () =>
    paginateDescribeInstanceInformation({ client }, {}),
  );
  return mapCollected(pages, (all) =>
    all
      .flatMap((p) => p.InstanceInformationList ?? [])
      .flatMap((info) => (info.InstanceId ? [{ instanceId: info.InstanceId, pingStatus: info.PingStatus ?? null }] : [])),
  );
}
