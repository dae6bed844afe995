import type { ResourceRef } from '../../../model/resource.js';
import type { Collected } from '../../../snapshot/collected.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { Bucket, StorageRegion } from '../../../snapshot/storage.js';
import { accountResource, notApplicable, resourceRef, withCollected } from '../../kit/results.js';
import { eachRegionalItem } from '../../kit/regions.js';
import { bucketResource } from './buckets.js';
import type { CheckResult } from '../../types.js';

/** One AWS resource of this account in `region` (argument order of the depth checks; the kit's resourceRef underneath). */
export function storageResource(snapshot: AccountSnapshot, region: string, type: string, id: string, arn: string): ResourceRef {
  return resourceRef(snapshot, arn, id, type, region);
}

/** Every item of one storage listing in every region (ERROR per failed region, NOT_APPLICABLE per empty one). */
export function eachStorageItem<T>(
  snapshot: AccountSnapshot,
  pick: (region: StorageRegion) => Collected<T[]>,
  noun: string,
  evaluate: (item: T, region: string) => CheckResult[],
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.storage.regions, pick, noun, evaluate);
}

/** Every bucket; `[]` when global services were not collected, ERROR on the account when listing failed. */
export function eachBucket(
  snapshot: AccountSnapshot,
  evaluate: (bucket: Bucket, resource: ResourceRef, all: readonly Bucket[]) => CheckResult[],
): CheckResult[] {
  const scope = accountResource(snapshot.accountId, snapshot.partition);
  return withCollected(snapshot.storage.buckets, scope, (buckets) =>
    buckets.length === 0
      ? [notApplicable(scope, `No S3 buckets in account ${snapshot.accountId}`)]
      : buckets.flatMap((bucket) =>
          evaluate(bucket, bucketResource(snapshot, bucket), buckets),
        ),
  );
}
