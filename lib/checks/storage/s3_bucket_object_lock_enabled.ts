import type { CollectionError } from '../../model/collection-error.js';
import type { Bucket } from '../../snapshot/storage.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import { accountResource, errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers.js';

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
function undeterminedBecause(bucket: Bucket, logTargets: LogTargets): CollectionError[] {
  if (bucket.location.error) return [...logTargets.unknownEverywhere, ...[...logTargets.unknownByRegion.values()].flat()];
  const inRegion = logTargets.unknownByRegion.get(bucket.region);
  return inRegion ? [...logTargets.unknownEverywhere, ...inRegion] : logTargets.unknownEverywhere;
}

function describe(errors: readonly CollectionError[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.operation} failed with ${e.code}`);
  return errors.length > 3 ? `${shown.join('; ')} and ${errors.length - 3} more` : shown.join('; ');
}

export const check = defineCheck({
  id: 's3_bucket_object_lock_enabled',
  title: 'Log and audit buckets use S3 Object Lock',
  service: 's3',
  citations: ['164.312(c)(1)', '164.316(b)(2)(i)'],
  severity: 'medium',
  rationale:
    'Object Lock (WORM) stops audit records from being altered or deleted before the six-year retention ends. Applies to buckets that receive CloudTrail logs or access logs, or are named as log/audit/trail buckets.',
  remediation:
    'Object Lock can only be enabled at creation or via support: create a new bucket with `aws s3api create-bucket --bucket <bucket> --object-lock-enabled-for-bucket`, set a default retention, and move the logs there.',
  evaluate: (snapshot) =>
    withCollected(snapshot.storage.buckets, accountResource(snapshot.accountId, snapshot.partition), (buckets) => {
      const logTargets = logTargetBuckets(snapshot, buckets);
      return perBucket(snapshot, (bucket, resource) => {
        if (!isLogBucket(bucket, logTargets)) {
          const unknown = undeterminedBecause(bucket, logTargets);
          if (unknown.length > 0) {
            return [errorResult(resource, `Could not tell whether bucket ${bucket.name} receives logs: ${describe(unknown)}.`)];
          }
          return [notApplicable(resource, `Bucket ${bucket.name} is not a log or audit bucket.`)];
        }
        return withCollected(bucket.objectLock, resource, (lock) => [
          lock?.enabled
            ? pass(resource, `Log bucket ${bucket.name} has Object Lock enabled${lock.mode ? ` (default ${lock.mode})` : ''}.`)
            : fail(resource, `Log bucket ${bucket.name} does not have Object Lock enabled.`),
        ]);
      });
    }),
});
