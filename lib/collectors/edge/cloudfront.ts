import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  paginateListDistributions,
  type DistributionConfig as SdkDistributionConfig,
} from '@aws-sdk/client-cloudfront';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected, type Collected } from '../../snapshot/collected.js';
import type { Distribution, DistributionConfig } from '../../snapshot/edge.js';

/**
 * ListDistributions, then GetDistributionConfig per distribution: the listing's summaries carry no
 * logging configuration at all (AWS offers no other way to read it), and the one configuration read
 * then serves every CloudFront check, so the summary's other fields are not used.
 */
export async function collectDistributions(ctx: CollectContext): Promise<Collected<Distribution[]>> {
  const region = ctx.homeRegion;
  const client = ctx.clients.get(CloudFrontClient, region);
  const pages = await attemptPages(ctx, target('cloudfront', region, 'ListDistributions'), () =>
    paginateListDistributions({ client }, {}),
  );
  return thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((page) => page.DistributionList?.Items ?? [])
        .flatMap((d) => (d.Id ? [{ ...d, id: d.Id }] : []))
        .map(async (d) => {
          const config = await attempt(ctx, target('cloudfront', region, 'GetDistributionConfig', d.id), () =>
            client.send(new GetDistributionConfigCommand({ Id: d.id })),
          );
          return {
            id: d.id,
            arn: d.ARN ?? `arn:${ctx.partition}:cloudfront::${ctx.accountId}:distribution/${d.id}`,
            domainName: d.DomainName ?? '',
            config: mapCollected(config, (r) => toConfig(r.DistributionConfig)),
          };
        }),
    ),
  );
}

function toConfig(c: SdkDistributionConfig | undefined): DistributionConfig {
  const behaviors: DistributionConfig['behaviors'] = [];
  const realtimeLoggedBehaviors: string[] = [];
  if (c?.DefaultCacheBehavior?.RealtimeLogConfigArn) realtimeLoggedBehaviors.push('*');
  const defaultBehavior = c?.DefaultCacheBehavior;
  if (defaultBehavior?.ViewerProtocolPolicy) {
    behaviors.push({
      pathPattern: '*',
      viewerProtocolPolicy: defaultBehavior.ViewerProtocolPolicy,
      targetOriginId: defaultBehavior.TargetOriginId ?? '?',
    });
  }
  for (const b of c?.CacheBehaviors?.Items ?? []) {
    if (b.RealtimeLogConfigArn) realtimeLoggedBehaviors.push(b.PathPattern ?? '?');
    behaviors.push({
      pathPattern: b.PathPattern ?? '?',
      viewerProtocolPolicy: b.ViewerProtocolPolicy ?? 'unknown',
      targetOriginId: b.TargetOriginId ?? '?',
    });
  }
  return {
    behaviors,
    // A custom certificate wins: AWS never reports both, moto reports the default flag next to an ACM ARN.
    defaultCertificate:
      c?.ViewerCertificate?.CloudFrontDefaultCertificate === true &&
      !c.ViewerCertificate.ACMCertificateArn &&
      !c.ViewerCertificate.IAMCertificateId,
    minimumProtocolVersion: c?.ViewerCertificate?.MinimumProtocolVersion ?? null,
    origins: (c?.Origins?.Items ?? []).map((o) => ({
      id: o.Id ?? '?',
      // S3 origins have no protocol policy; they are reached over HTTPS.
      protocolPolicy: o.CustomOriginConfig?.OriginProtocolPolicy ?? null,
      sslProtocols: o.CustomOriginConfig?.OriginSslProtocols?.Items ?? [],
    })),
    logging: { enabled: c?.Logging?.Enabled === true, bucket: c?.Logging?.Bucket || null },
    realtimeLoggedBehaviors,
    webAclId: c?.WebACLId || null,
  };
}
