import type { ResourceRef } from '../../../model/resource.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { KmsKey } from '../../../snapshot/storage.js';
import { eachRegionalItem } from '../../kit/regions.js';
import { resourceRef, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';

type KmsKeyDetails = NonNullable<KmsKey['details']['data']>;

/**
 * Every KMS key of every region with its DescribeKey details. A key whose details could not be read is
 * ERROR: without them we cannot tell whether it is customer managed, so it is never silently skipped.
 * `evaluate` returns no result for a key the check does not apply to; `noun` names the applicable keys.
 */
export function eachDescribedKmsKey(
  snapshot: AccountSnapshot,
  noun: string,
  evaluate: (key: KmsKey, details: KmsKeyDetails, resource: ResourceRef) => CheckResult[],
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.kmsKeys, noun, (key, region) => {
    const resource = resourceRef(snapshot, key.arn, key.id, 'AWS::KMS::Key', region);
    return withCollected(key.details, resource, (details) => evaluate(key, details, resource));
  });
}
