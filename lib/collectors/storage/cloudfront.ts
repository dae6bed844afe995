import { CloudFrontClient, paginateListDistributions, type DistributionSummary } from '@aws-sdk/client-cloudfront';
import type { Collected } from '../../snapshot/collected.js';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import type { Distribution } from '../../snapshot/storage.js';
import { mapCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

export async function collectDistributions(ctx: CollectContext): Promise<Collected<Distribution[]>> {
  const region = ctx.homeRegion;
  const client = ctx.clients.get(CloudFrontClient, region);
  const pages = await attemptPages(ctx, target('cloudfront', region, 'ListDistributions'), () =>
    paginateListDistributions({ client }, {}),
  );
  return mapCollected(pages, (data) => data.flatMap((page) => page.DistributionList?.Items ?? []).map(toDistribution));
}

function toDistribution(d: DistributionSummary): Distribution {
  const behaviors: Distribution['behaviors'] = [];
  const defaultPolicy = d.DefaultCacheBehavior?.ViewerProtocolPolicy;
  if (defaultPolicy) behaviors.push({ pathPattern: '*', viewerProtocolPolicy: defaultPolicy });
  for (const b of d.CacheBehaviors?.Items ?? []) {
    behaviors.push({ pathPattern: b.PathPattern ?? '?', viewerProtocolPolicy: b.ViewerProtocolPolicy ?? 'unknown' });
  }
  return {
    id: d.Id ?? 'unknown',
    arn: d.ARN ?? 'unknown',
    domainName: d.DomainName ?? '',
    behaviors,
    defaultCertificate: d.ViewerCertificate?.CloudFrontDefaultCertificate === true,
    minimumProtocolVersion: d.ViewerCertificate?.MinimumProtocolVersion ?? null,
    origins: (d.Origins?.Items ?? []).map((o) => ({
      id: o.Id ?? '?',
      // S3 origins have no protocol policy; they are reached over HTTPS.
      protocolPolicy: o.CustomOriginConfig?.OriginProtocolPolicy ?? null,
    })),
  };
}
