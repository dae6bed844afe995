import type { Bucket } from '../../../snapshot/storage.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ResourceRef } from '../../../model/resource.js';
import { accountResource, notApplicable, resourceRef, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';

export function bucketResource(snapshot: AccountSnapshot, bucket: Bucket): ResourceRef {
  return resourceRef(snapshot, bucket.arn, bucket.name, 'AWS::S3::Bucket', bucket.region);
}

/** Evaluates every bucket; `[]` when global services were not collected, ERROR on the account if listing failed. */
export function perBucket(
  snapshot: AccountSnapshot,
  evaluate: (bucket: Bucket, resource: ResourceRef) => CheckResult[],
): CheckResult[] {
  const scope = accountResource(snapshot.accountId, snapshot.partition);
  return withCollected(snapshot.storage.buckets, scope, (buckets) =>
    buckets.length === 0
      ? [notApplicable(scope, `No S3 buckets in account ${snapshot.accountId}`)]
      : buckets.flatMap((bucket) => evaluate(bucket, bucketResource(snapshot, bucket))),
  );
}
