import type { LogGroup } from '../../snapshot/logging.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import { notApplicable, withCollected } from '../kit/results.js';
import type { CheckResult } from '../types.js';
import type { ResourceRef } from '../../model/resource.js';
import { eachRegion, logGroupResource } from './resources.js';

/** One result per log group; NOT_APPLICABLE for a region without log groups. */
export function evaluateEachLogGroup(
  snapshot: AccountSnapshot,
  fn: (group: LogGroup, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  return eachRegion(snapshot, (region, data, scope) =>
    withCollected(data.logGroups, scope, (groups) =>
      groups.length === 0
        ? [notApplicable(scope, `No CloudWatch Logs log groups in ${region}`)]
        : groups.map((group) => fn(group, logGroupResource(group, region, snapshot))),
    ),
  );
}
