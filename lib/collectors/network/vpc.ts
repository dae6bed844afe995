import { EC2Client, paginateDescribeNetworkAcls, paginateDescribeSubnets } from '@aws-sdk/client-ec2';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { NetworkRegion } from '../../snapshot/network.js';

type VpcPart = Pick<NetworkRegion, 'networkAcls' | 'subnets'>;

/** Network ACLs (with their entries and subnet associations) and subnets: one listing each per region. */
export async function collectVpcLayer(ctx: CollectContext, region: string): Promise<VpcPart> {
  const client = ctx.clients.get(EC2Client, region);
  const [aclPages, subnetPages] = await Promise.all([
    attemptPages(ctx, target('ec2', region, 'DescribeNetworkAcls'), () => paginateDescribeNetworkAcls({ client }, {})),
    attemptPages(ctx, target('ec2', region, 'DescribeSubnets'), () => paginateDescribeSubnets({ client }, {})),
  ]);
  return {
    networkAcls: mapCollected(aclPages, (pages) =>
      pages
        .flatMap((p) => p.NetworkAcls ?? [])
        .flatMap((acl) => {
          if (!acl.NetworkAclId) return [];
          const owner = acl.OwnerId ?? ctx.accountId;
          return [
            {
              id: acl.NetworkAclId,
              arn: `arn:${ctx.partition}:ec2:${region}:${owner}:network-acl/${acl.NetworkAclId}`,
              vpcId: acl.VpcId ?? null,
              isDefault: acl.IsDefault === true,
              subnetIds: (acl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
              entries: (acl.Entries ?? []).map((e) => ({
                ruleNumber: e.RuleNumber ?? 0,
                egress: e.Egress === true,
                action: e.RuleAction ?? 'deny',
                protocol: e.Protocol ?? '-1',
                ipv4Cidr: e.CidrBlock ?? null,
                ipv6Cidr: e.Ipv6CidrBlock ?? null,
                fromPort: e.PortRange?.From ?? null,
                toPort: e.PortRange?.To ?? null,
              })),
            },
          ];
        }),
    ),
    subnets: mapCollected(subnetPages, (pages) =>
      pages
        .flatMap((p) => p.Subnets ?? [])
        .flatMap((s) =>
          s.SubnetId
            ? [
                {
                  id: s.SubnetId,
                  arn: s.SubnetArn ?? `arn:${ctx.partition}:ec2:${region}:${s.OwnerId ?? ctx.accountId}:subnet/${s.SubnetId}`,
                  vpcId: s.VpcId ?? null,
                  mapPublicIpOnLaunch: s.MapPublicIpOnLaunch === true,
                  defaultForAz: s.DefaultForAz === true,
                },
              ]
            : [],
        ),
    ),
  };
}
