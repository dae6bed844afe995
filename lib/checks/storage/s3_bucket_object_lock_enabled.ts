import type { Bucket } from '../../snapshot/storage.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers.js';

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
  evaluate: (snapshot) => {
    const logTargets = logTargetBuckets(snapshot);
    return perBucket(snapshot, (bucket, resource) => {
      if (!isLogBucket(bucket, logTargets)) {
        return [notApplicable(resource, `Bucket ${bucket.name} is not a log or audit bucket.`)];
      }
      return withCollected(bucket.objectLock, resource, (lock) => [
        lock?.enabled
          ? pass(resource, `Log bucket ${bucket.name} has Object Lock enabled${lock.mode ? ` (default ${lock.mode})` : ''}.`)
          : fail(resource, `Log bucket ${bucket.name} does not have Object Lock enabled.`),
      ]);
    });
  },
});
