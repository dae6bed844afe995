import type { ResourceRef } from '../../model/resource.js';
import type { Collected } from '../../snapshot/collected.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import type { CheckResult } from '../types.js';
import { notApplicable, regionResource, withCollected } from './results.js';

/**
 * The one region iterator: runs `evaluate` for every region of a family's `regions` map, in snapshot
 * order, with the region's scope (the resource an ERROR or NOT_APPLICABLE about the whole region uses).
 */
export function eachRegion<R>(
  snapshot: AccountSnapshot,
  regions: Readonly<Record<string, R>>,
  evaluate: (region: string, data: R, scope: ResourceRef) => CheckResult[],
): CheckResult[] {
  return Object.entries(regions).flatMap(([region, data]) =>
    evaluate(region, data, regionResource(snapshot.accountId, region, snapshot.partition)),
  );
}

/**
 * Evaluates every item of one regional listing: ERROR on the region when the listing failed, one
 * NOT_APPLICABLE for the region when nothing in it is in scope (`evaluate` returned no results).
 * `noun` names the items in that NOT_APPLICABLE reason ("No EBS volumes in us-east-1").
 */
export function eachRegionalItem<R, T>(
  snapshot: AccountSnapshot,
  regions: Readonly<Record<string, R>>,
  pick: (data: R) => Collected<T[]>,
  noun: string,
  evaluate: (item: T, region: string) => CheckResult[],
): CheckResult[] {
  return eachRegion(snapshot, regions, (region, data, scope) =>
    withCollected(pick(data), scope, (items) => {
      const results = items.flatMap((item) => evaluate(item, region));
      return results.length > 0 ? results : [notApplicable(scope, `No ${noun} in ${region}`)];
    }),
  );
}
