import type { Bucket } from '../../collectors/storage/schema.js';
import { fail, notApplicable, pass, withCollected } from '../results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers.js';

const LOG_NAME = /(^|[-_.])(logs?|audit|trail|cloudtrail)([-_.]|$)/i;

/**
 * Scope decision: Object Lock matters for audit records, not for every data bucket. A bucket is in
 * scope when another bucket sends its access logs there, or its name marks it as a log/audit bucket.
 */
export function isLogBucket(bucket: Bucket, buckets: readonly Bucket[]): boolean {
  return LOG_NAME.test(bucket.name) || buckets.some((b) => b.logging.data?.targetBucket === bucket.name);
}

export const check = defineCheck({
  id: 's3_bucket_object_lock_enabled',
  title: 'Log and audit buckets use S3 Object Lock',
  service: 's3',
  citations: ['164.312(c)(1)', '164.316(b)(2)(i)'],
  severity: 'medium',
  rationale:
    'Object Lock (WORM) stops audit records from being altered or deleted before the six-year retention ends. Applies to buckets that receive access logs or are named as log/audit/trail buckets.',
  remediation:
    'Object Lock can only be enabled at creation or via support: create a new bucket with `aws s3api create-bucket --bucket <bucket> --object-lock-enabled-for-bucket`, set a default retention, and move the logs there.',
  evaluate: (snapshot) => {
    const all = snapshot.storage.buckets?.data ?? [];
    return perBucket(snapshot, (bucket, resource) => {
      if (!isLogBucket(bucket, all)) {
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
