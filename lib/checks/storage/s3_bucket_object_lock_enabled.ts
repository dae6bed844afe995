import type { CollectionError } from '../../model/collection-error.js';
import { accountResource, errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers/buckets.js';
import { isLogBucket, logTargetBuckets, undeterminedBecause } from './helpers/log-buckets.js';

export const check = defineCheck({
  id: 's3_bucket_object_lock_enabled',
  title: 'Log and audit buckets use S3 Object Lock',
  service: 's3',
  reads: ['storage', 'logging'],
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
            return [errorResult(resource, `Could not tell whether bucket ${bucket.name} receives logs: ${describe(unknown)}`)];
          }
          return [notApplicable(resource, `Bucket ${bucket.name} is not a log or audit bucket`)];
        }
        return withCollected(bucket.objectLock, resource, (lock) => [
          lock?.enabled
            ? pass(resource, `Log bucket ${bucket.name} has Object Lock enabled${lock.mode ? ` (default ${lock.mode})` : ''}`)
            : fail(resource, `Log bucket ${bucket.name} does not have Object Lock enabled`),
        ]);
      });
    }),
});

function describe(errors: readonly CollectionError[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.operation} failed with ${e.code}`);
  return errors.length > 3 ? `${shown.join('; ')} and ${errors.length - 3} more` : shown.join('; ');
}
