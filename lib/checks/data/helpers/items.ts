import type { ResourceRef } from '../../../model/resource.js';
import type { Collected } from '../../../snapshot/collected.js';
import type { DataRegion } from '../../../snapshot/data.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { eachRegionalItem } from '../../kit/regions.js';
import { errorResult, resourceRef } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';

/** The resource a data-service result is about (the kit's `resourceRef`, under the family's name). */
export const dataResource = resourceRef;

/** Every item of one regional listing of the data family (ERROR on a failed listing, NOT_APPLICABLE on none). */
export function eachDataItem<T>(
  snapshot: AccountSnapshot,
  pick: (region: DataRegion) => Collected<T[]>,
  noun: string,
  evaluate: (item: T, region: string) => CheckResult[],
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.data.regions, pick, noun, evaluate);
}

/**
 * Evaluates a per-resource read (a describe call made for this one resource), or reports ERROR on the
 * resource naming the call that failed.
 */
export function withResourceDetail<T>(
  collected: Collected<T>,
  resource: ResourceRef,
  what: string,
  evaluate: (data: T) => CheckResult,
): CheckResult[] {
  if (collected.error) {
    return [
      errorResult(
        resource,
        `Could not read ${what} of ${resource.id}: ${collected.error.operation} failed with ${collected.error.code}: ${collected.error.message}`,
      ),
    ];
  }
  return [evaluate(collected.data)];
}
