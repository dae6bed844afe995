import type { CollectionError } from '../../../model/collection-error.js';
import type { Bucket } from '../../../snapshot/storage.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';

const LOG_NAME = /(^|[-_.])(logs?|audit|trail|cloudtrail)([-_.]|$)/i;

/**
 * Which buckets receive logs, and what could not be read to know it. S3 access logs must go to a
 * bucket in the source bucket's region, so a failed GetBucketLogging leaves that region's buckets
 * undetermined; a trail may deliver to a bucket in any region, so a failed trail listing leaves every
 * bucket undetermined.
 */
export interface LogTargets {
  buckets: Set<string>;
  unknownByRegion: Map<string, CollectionError[]>;
  unknownEverywhere: CollectionError[];
}

/**
 * Scope decision: Object Lock matters for audit records, not for every data bucket. A bucket is in
 * scope when a CloudTrail trail or another bucket's access logs are delivered there, or its name marks
 * it as a log/audit bucket. Targets are gathered once (a set), so evaluation stays linear in buckets.
 */
export function logTargetBuckets(snapshot: AccountSnapshot, buckets: readonly Bucket[]): LogTargets {
  const targets: LogTargets = { buckets: new Set(), unknownByRegion: new Map(), unknownEverywhere: [] };
  for (const bucket of buckets) {
    // Without the bucket's real region, its logs could be going to a bucket in any region.
    if (bucket.logging.error && bucket.location.error) targets.unknownEverywhere.push(bucket.logging.error);
    else if (bucket.logging.error) {
      const unknown = targets.unknownByRegion.get(bucket.region);
      if (unknown) unknown.push(bucket.logging.error);
      else targets.unknownByRegion.set(bucket.region, [bucket.logging.error]);
    } else if (bucket.logging.data.targetBucket) {
      targets.buckets.add(bucket.logging.data.targetBucket);
    }
  }
  for (const region of Object.values(snapshot.logging.regions)) {
    if (region.cloudtrail.error) {
      targets.unknownEverywhere.push(region.cloudtrail.error);
      continue;
    }
    for (const trail of region.cloudtrail.data.trails) if (trail.s3BucketName) targets.buckets.add(trail.s3BucketName);
  }
  return targets;
}

export function isLogBucket(bucket: Bucket, logTargets: LogTargets): boolean {
  return LOG_NAME.test(bucket.name) || logTargets.buckets.has(bucket.name);
}

/** The failed calls that leave open whether `bucket` receives logs (empty when it is known not to). */
export function undeterminedBecause(bucket: Bucket, logTargets: LogTargets): CollectionError[] {
  if (bucket.location.error) return [...logTargets.unknownEverywhere, ...[...logTargets.unknownByRegion.values()].flat()];
  const inRegion = logTargets.unknownByRegion.get(bucket.region);
  return inRegion ? [...logTargets.unknownEverywhere, ...inRegion] : logTargets.unknownEverywhere;
}
