import type { CollectionError } from '../../../model/collection-error.js';
import type { CloudTrailRegion, Trail } from '../../../snapshot/logging.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ResourceRef } from '../../../model/resource.js';
import { eachRegion } from '../../kit/regions.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { trailResource } from './resources.js';

/** One result per trail, each trail once (in the region that assessed it). */
export function evaluateEachTrail(
  snapshot: AccountSnapshot,
  fn: (trail: Trail, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  return eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
    withCollected(data.cloudtrail, scope, ({ trails, otherTrailArns }) => {
      if (trails.length > 0) return trails.map((trail) => fn(trail, trailResource(trail, snapshot)));
      const elsewhere = otherTrailArns.length > 0 ? `; ${otherTrailArns.length} multi-region trail(s) are assessed in their home region` : '';
      return [notApplicable(scope, `No CloudTrail trails to assess in ${region}${elsewhere}`)];
    }),
  );
}

/**
 * Trails that record events in `region` (those assessed there plus multi-region trails assessed in
 * another region), and the ARNs of covering trails that could not be read because their home
 * region's listing failed. Called only once the region's own listing succeeded.
 */
export function trailsCovering(
  snapshot: AccountSnapshot,
  own: CloudTrailRegion,
): { trails: Trail[]; unreadable: { arn: string; error: CollectionError }[] } {
  const all = new Map<string, Trail>();
  const failures: CollectionError[] = [];
  for (const data of Object.values(snapshot.logging.regions)) {
    if (data.cloudtrail.error) failures.push(data.cloudtrail.error);
    else for (const trail of data.cloudtrail.data.trails) all.set(trail.arn, trail);
  }
  const trails = [...own.trails];
  const unreadable: { arn: string; error: CollectionError }[] = [];
  for (const arn of own.otherTrailArns) {
    const trail = all.get(arn);
    if (trail) trails.push(trail);
    // otherTrailArns name trails assessed in another in-scope region; not finding one means that region's listing failed.
    else if (failures[0]) unreadable.push({ arn, error: failures[0] });
  }
  return { trails, unreadable };
}

/** Shared shape of the region-coverage checks: PASS if one covering trail qualifies, else ERROR/FAIL. */
export function evaluateCoverage(
  snapshot: AccountSnapshot,
  qualify: (trail: Trail) => { ok: boolean; error?: string; why: string },
  describe: { pass: (trail: Trail, region: string) => string; fail: (region: string, notes: string[]) => string },
): CheckResult[] {
  return eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
    withCollected(data.cloudtrail, scope, (own) => {
      const { trails, unreadable } = trailsCovering(snapshot, own);
      const verdicts = trails.map((trail) => ({ trail, ...qualify(trail) }));
      const passing = verdicts.find((v) => v.ok);
      if (passing) return [pass(scope, describe.pass(passing.trail, region))];
      const broken = verdicts.find((v) => v.error);
      if (broken?.error) return [errorResult(scope, `Could not assess ${region}: trail ${broken.trail.name}: ${broken.error}`)];
      const missing = unreadable[0];
      if (missing) {
        return [
          errorResult(
            scope,
            `Could not assess ${region}: multi-region trail ${missing.arn} covers it but could not be read (${missing.error.operation} failed with ${missing.error.code})`,
          ),
        ];
      }
      return [fail(scope, describe.fail(region, verdicts.map((v) => `${v.trail.name}: ${v.why}`)))];
    }),
  );
}
