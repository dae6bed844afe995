import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type Trail as SdkTrail,
} from '@aws-sdk/client-cloudtrail';
import { type Collected, failed, mapCollected, ok } from '../../snapshot/collected.js';
import { attempt, mapConcurrent, type CollectContext } from '../../collect/context.js';
import { summarizeSelectors } from './cloudtrail-selectors.js';
import type { CloudTrailRegion, Trail } from '../../snapshot/logging.js';

type Listing = { region: string; trails: Collected<SdkTrail[]> };

/**
 * Lists trails in every region, then fetches status and selectors once per trail: multi-region trails
 * show up in every region (shadow trails) but are assessed once, in their home region when it is in
 * scope and listed successfully, otherwise in the first in-scope region that saw them.
 */
export async function collectCloudTrail(ctx: CollectContext): Promise<Map<string, Collected<CloudTrailRegion>>> {
  const listings = await mapConcurrent(ctx.regions, async (region): Promise<Listing> => {
    const res = await attempt(ctx, { service: 'cloudtrail', region, operation: 'DescribeTrails' }, () =>
      ctx.clients.get(CloudTrailClient, region).send(new DescribeTrailsCommand({ includeShadowTrails: true })),
    );
    return { region, trails: mapCollected(res, (data) => data.trailList ?? []) };
  });
  const owners = assignOwners(listings);
  const out = new Map<string, Collected<CloudTrailRegion>>();
  await mapConcurrent(listings, async ({ region, trails }) => {
    if (trails.error) {
      out.set(region, failed(trails.error));
      return;
    }
    const seen = withArn(trails.data);
    const owned = seen.filter((t) => owners.get(t.TrailARN) === region);
    const details = await mapConcurrent(owned, (t) => describeTrail(ctx, region, t));
    const otherTrailArns = seen.filter((t) => owners.get(t.TrailARN) !== region).map((t) => t.TrailARN);
    out.set(region, ok({ trails: details, otherTrailArns }));
  });
  return out;
}

function withArn(trails: SdkTrail[]): (SdkTrail & { TrailARN: string })[] {
  return trails.filter((t): t is SdkTrail & { TrailARN: string } => typeof t.TrailARN === 'string');
}

function assignOwners(listings: Listing[]): Map<string, string> {
  const succeeded = new Set(listings.filter((l) => l.trails.data).map((l) => l.region));
  const owners = new Map<string, string>();
  for (const { region, trails } of listings) {
    for (const trail of withArn(trails.data ?? [])) {
      const home = trail.HomeRegion;
      if (home && succeeded.has(home)) owners.set(trail.TrailARN, home);
      else if (!owners.has(trail.TrailARN)) owners.set(trail.TrailARN, region);
    }
  }
  return owners;
}

async function describeTrail(ctx: CollectContext, region: string, t: SdkTrail & { TrailARN: string }): Promise<Trail> {
  // Ask the trail's home region, which always answers for its own trails (moto rejects shadow-trail ARNs elsewhere).
  const home = t.HomeRegion ?? region;
  const client = ctx.clients.get(CloudTrailClient, home);
  const call = { service: 'cloudtrail', region: home, target: t.TrailARN };
  const [status, selectors] = await Promise.all([
    attempt(ctx, { ...call, operation: 'GetTrailStatus' }, () =>
      client.send(new GetTrailStatusCommand({ Name: t.TrailARN })),
    ),
    attempt(ctx, { ...call, operation: 'GetEventSelectors' }, () =>
      client.send(new GetEventSelectorsCommand({ TrailName: t.TrailARN })),
    ),
  ]);
  return {
    name: t.Name ?? t.TrailARN,
    arn: t.TrailARN,
    homeRegion: home,
    isMultiRegionTrail: t.IsMultiRegionTrail === true,
    isOrganizationTrail: t.IsOrganizationTrail === true,
    logFileValidationEnabled: t.LogFileValidationEnabled === true,
    ...(t.KmsKeyId ? { kmsKeyId: t.KmsKeyId } : {}),
    ...(t.CloudWatchLogsLogGroupArn ? { cloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn } : {}),
    ...(t.S3BucketName ? { s3BucketName: t.S3BucketName } : {}),
    status: status.error
      ? failed(status.error)
      : ok({
          isLogging: status.data.IsLogging === true,
          ...(status.data.LatestDeliveryTime ? { latestDeliveryTime: status.data.LatestDeliveryTime.toISOString() } : {}),
          ...(status.data.LatestDeliveryError ? { latestDeliveryError: status.data.LatestDeliveryError } : {}),
        }),
    selectors: selectors.error
      ? failed(selectors.error)
      : ok(summarizeSelectors(selectors.data.EventSelectors, selectors.data.AdvancedEventSelectors)),
  };
}
