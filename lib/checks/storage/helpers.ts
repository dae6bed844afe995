import type { Collected } from '../../snapshot/collected.js';
import type { Bucket, StorageRegion } from '../../snapshot/storage.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import { accountResource, notApplicable, regionResource, withCollected } from '../kit/results.js';
import type { CheckResult } from '../types.js';
import type { ResourceRef } from '../../model/resource.js';

export function resourceRef(snapshot: AccountSnapshot, arn: string, id: string, type: string, region: string): ResourceRef {
  return { arn, id, type, region, accountId: snapshot.accountId };
}

export function regionRef(snapshot: AccountSnapshot, region: string): ResourceRef {
  return regionResource(snapshot.accountId, region, snapshot.partition);
}

export function bucketRef(snapshot: AccountSnapshot, bucket: Bucket): ResourceRef {
  return resourceRef(snapshot, bucket.arn, bucket.name, 'AWS::S3::Bucket', bucket.region);
}

/**
 * Evaluates one regional listing in every region: ERROR on the region when the listing failed,
 * one NOT_APPLICABLE for the region when nothing in it is in scope (evaluate returned no results).
 */
export function perRegionItems<T>(
  snapshot: AccountSnapshot,
  pick: (region: StorageRegion) => Collected<T[]>,
  noun: string,
  evaluate: (item: T, region: string) => CheckResult[],
): CheckResult[] {
  return Object.entries(snapshot.storage.regions).flatMap(([region, data]) => {
    const scope = regionRef(snapshot, region);
    return withCollected(pick(data), scope, (items) => {
      const results = items.flatMap((item) => evaluate(item, region));
      return results.length > 0 ? results : [notApplicable(scope, `No ${noun} in ${region}.`)];
    });
  });
}

/** Evaluates every bucket; `[]` when global services were not collected, ERROR on the account if listing failed. */
export function perBucket(
  snapshot: AccountSnapshot,
  evaluate: (bucket: Bucket, resource: ResourceRef) => CheckResult[],
): CheckResult[] {
  const scope = accountResource(snapshot.accountId, snapshot.partition);
  return withCollected(snapshot.storage.buckets, scope, (buckets) =>
    buckets.length === 0
      ? [notApplicable(scope, `No S3 buckets in account ${snapshot.accountId}.`)]
      : buckets.flatMap((bucket) => evaluate(bucket, bucketRef(snapshot, bucket))),
  );
}

/** Which of the four Block Public Access flags are off. */
export function missingBlockFlags(block: {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
} | null): string[] {
  if (!block) return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];
  return [
    block.blockPublicAcls ? null : 'BlockPublicAcls',
    block.ignorePublicAcls ? null : 'IgnorePublicAcls',
    block.blockPublicPolicy ? null : 'BlockPublicPolicy',
    block.restrictPublicBuckets ? null : 'RestrictPublicBuckets',
  ].filter((flag): flag is string => flag !== null);
}
