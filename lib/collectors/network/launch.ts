import { AutoScalingClient, paginateDescribeLaunchConfigurations } from '@aws-sdk/client-auto-scaling';
import { EC2Client, paginateDescribeLaunchTemplateVersions } from '@aws-sdk/client-ec2';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { NetworkRegion } from '../../snapshot/network.js';

type LaunchPart = Pick<NetworkRegion, 'launchTemplates' | 'launchConfigurations'>;

/**
 * Launch templates and Auto Scaling launch configurations. DescribeLaunchTemplateVersions without a
 * template id and with `Versions: ['$Default']` returns the default version of every template in the
 * region, so there is no DescribeLaunchTemplates listing and no call per template.
 */
export async function collectLaunchSettings(ctx: CollectContext, region: string): Promise<LaunchPart> {
  const ec2 = ctx.clients.get(EC2Client, region);
  const autoscaling = ctx.clients.get(AutoScalingClient, region);
  const [versionPages, configPages] = await Promise.all([
    attemptPages(ctx, target('ec2', region, 'DescribeLaunchTemplateVersions'), () =>
      paginateDescribeLaunchTemplateVersions({ client: ec2 }, { Versions: ['$Default'] }),
    ),
    attemptPages(ctx, target('autoscaling', region, 'DescribeLaunchConfigurations'), () =>
      paginateDescribeLaunchConfigurations({ client: autoscaling }, {}),
    ),
  ]);
  return {
    launchTemplates: mapCollected(versionPages, (pages) =>
      pages
        .flatMap((p) => p.LaunchTemplateVersions ?? [])
        .flatMap((v) => {
          if (!v.LaunchTemplateId) return [];
          const data = v.LaunchTemplateData;
          return [
            {
              id: v.LaunchTemplateId,
              arn: `arn:${ctx.partition}:ec2:${region}:${ctx.accountId}:launch-template/${v.LaunchTemplateId}`,
              name: v.LaunchTemplateName ?? v.LaunchTemplateId,
              defaultVersion: v.VersionNumber ?? 0,
              networkInterfaces: (data?.NetworkInterfaces ?? []).map((n) => ({
                deviceIndex: n.DeviceIndex ?? null,
                associatePublicIpAddress: n.AssociatePublicIpAddress ?? null,
              })),
              httpTokens: data?.MetadataOptions?.HttpTokens ?? null,
              httpEndpoint: data?.MetadataOptions?.HttpEndpoint ?? null,
            },
          ];
        }),
    ),
    launchConfigurations: mapCollected(configPages, (pages) =>
      pages
        .flatMap((p) => p.LaunchConfigurations ?? [])
        .flatMap((lc) =>
          lc.LaunchConfigurationName
            ? [
                {
                  name: lc.LaunchConfigurationName,
                  arn:
                    lc.LaunchConfigurationARN ??
                    `arn:${ctx.partition}:autoscaling:${region}:${ctx.accountId}:launchConfiguration:*:launchConfigurationName/${lc.LaunchConfigurationName}`,
                  associatePublicIpAddress: lc.AssociatePublicIpAddress ?? null,
                  httpTokens: lc.MetadataOptions?.HttpTokens ?? null,
                  httpEndpoint: lc.MetadataOptions?.HttpEndpoint ?? null,
                },
              ]
            : [],
        ),
    ),
  };
}
