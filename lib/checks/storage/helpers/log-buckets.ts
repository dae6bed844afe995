import type { Bucket } from '../../../snapshot/storage.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';

const LOG_NAME = /(^|[-_.])(logs?|audit|trail|cloudtrail)([-_.]|$)/i;

/**
 * Scope decision: Object Lock matters for audit records, not for every data bucket. A bucket is in
 * scope when a CloudTrail trail or another bucket's access logs are delivered there, or its name marks
 * it as a log/audit bucket. Targets are gathered once (a set), so evaluation stays linear in buckets.
 */
export function logTargetBuckets(snapshot: AccountSnapshot): Set<string> {
  const targets = new Set<string>();
  for (const bucket of snapshot.storage.buckets?.data ?? []) {
    const target = bucket.logging.data?.targetBucket;
    if (target) targets.add(target);
  }
  for (const region of Object.values(snapshot.logging.regions ?? {})) {
    for (const trail of region.cloudtrail.data?.trails ?? []) if (trail.s3BucketName) targets.add(trail.s3BucketName);
  }
  return targets;
}

export function isLogBucket(bucket: Bucket, logTargets: ReadonlySet<string>): boolean {
  return LOG_NAME.test(bucket.name) || logTargets.has(bucket.name);
}
