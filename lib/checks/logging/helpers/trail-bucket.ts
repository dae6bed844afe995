import type { Trail } from '../../../snapshot/logging.js';
import type { Bucket } from '../../../snapshot/storage.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ResourceRef } from '../../../model/resource.js';
import { errorResult, notApplicable } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { evaluateEachTrail } from './trails.js';

/**
 * One result per trail about the S3 bucket it delivers to, read from the storage family's bucket list
 * (ListBuckets: every bucket the account owns). `[]` when global services (S3) were not collected.
 *
 * A bucket missing from that list is in another account only if the trail's last delivery succeeded
 * (the bucket exists and receives logs, yet is not ours): NOT_APPLICABLE then. Otherwise (delivery
 * failed or unknown) it may as well have been deleted, and the result is ERROR, saying so.
 */
export function evaluateTrailBucket(
  snapshot: AccountSnapshot,
  evaluate: (bucket: Bucket, trail: Trail, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  const buckets = snapshot.storage.buckets;
  if (buckets === undefined) return [];
  return evaluateEachTrail(snapshot, (trail, resource) => {
    const name = trail.s3BucketName;
    if (!name) return errorResult(resource, `Trail ${trail.name} names no S3 bucket in its description`);
    if (buckets.error) {
      return errorResult(resource, `Could not find bucket ${name} of trail ${trail.name}: ${buckets.error.operation} failed with ${buckets.error.code}`);
    }
    const bucket = buckets.data.find((b) => b.name === name);
    if (bucket) return evaluate(bucket, trail, resource);
    const status = trail.status;
    if (!status.error && status.data.latestDeliveryTime && !status.data.latestDeliveryError) {
      return notApplicable(resource, `Trail ${trail.name} delivers to bucket ${name}, bucket in another account (not among this account's buckets, last delivery succeeded)`);
    }
    const delivery = status.error
      ? `its status could not be read (${status.error.code})`
      : status.data.latestDeliveryError
        ? `its last delivery failed with ${status.data.latestDeliveryError}`
        : 'it reports no delivery';
    return errorResult(resource, `Bucket ${name} of trail ${trail.name} is not among this account's buckets and ${delivery}, so whether it is in another account or gone cannot be told`);
  });
}
