import {
  EC2Client,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { NetworkRegion, SecurityGroupRule } from '../../snapshot/network.js';

type SecurityGroupPart = Pick<NetworkRegion, 'securityGroups' | 'networkInterfaces'>;

export function toRule(permission: IpPermission): SecurityGroupRule {
  return {
    protocol: permission.IpProtocol ?? '-1',
    fromPort: permission.FromPort ?? null,
    toPort: permission.ToPort ?? null,
    ipv4Ranges: (permission.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
    ipv6Ranges: (permission.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
    prefixListIds: (permission.PrefixListIds ?? []).flatMap((p) => (p.PrefixListId ? [p.PrefixListId] : [])),
    groupIds: (permission.UserIdGroupPairs ?? []).flatMap((p) => (p.GroupId ? [p.GroupId] : [])),
  };
}

/**
 * Security groups with their rules, and the network interfaces that use them. DescribeNetworkInterfaces
 * is the one extra call per region: DescribeSecurityGroups does not say what a group is attached to, and
 * the interfaces name every user (instances, load balancers, RDS, Lambda, endpoints) in one listing.
 */
export async function collectSecurityGroups(ctx: CollectContext, region: string): Promise<SecurityGroupPart> {
  const client = ctx.clients.get(EC2Client, region);
  const [groupPages, interfacePages] = await Promise.all([
    attemptPages(ctx, target('ec2', region, 'DescribeSecurityGroups'), () => paginateDescribeSecurityGroups({ client }, {})),
    attemptPages(ctx, target('ec2', region, 'DescribeNetworkInterfaces'), () =>
      paginateDescribeNetworkInterfaces({ client }, {}),
    ),
  ]);
  return {
    securityGroups: mapCollected(groupPages, (pages) =>
      pages
        .flatMap((p) => p.SecurityGroups ?? [])
        .flatMap((g) => {
          if (!g.GroupId) return [];
          const ownerId = g.OwnerId ?? ctx.accountId;
          return [
            {
              id: g.GroupId,
              arn: g.SecurityGroupArn ?? `arn:${ctx.partition}:ec2:${region}:${ownerId}:security-group/${g.GroupId}`,
              name: g.GroupName ?? g.GroupId,
              vpcId: g.VpcId ?? null,
              ownerId,
              ingress: (g.IpPermissions ?? []).map(toRule),
              egress: (g.IpPermissionsEgress ?? []).map(toRule),
            },
          ];
        }),
    ),
    networkInterfaces: mapCollected(interfacePages, (pages) =>
      pages
        .flatMap((p) => p.NetworkInterfaces ?? [])
        .flatMap((n) =>
          n.NetworkInterfaceId
            ? [
                {
                  id: n.NetworkInterfaceId,
                  groupIds: (n.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
                  instanceId: n.Attachment?.InstanceId ?? null,
                  interfaceType: n.InterfaceType ?? null,
                  description: n.Description || null,
                },
              ]
            : [],
        ),
    ),
  };
}
