import type { ResourceRef } from '../../../model/resource.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { Distribution, DistributionConfig } from '../../../snapshot/edge.js';
import { accountResource, notApplicable, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { distributionRef } from './resources.js';

/**
 * Evaluates every CloudFront distribution's configuration: `[]` when global services were not collected,
 * ERROR on the account when the listing failed, ERROR on a distribution whose configuration could not be read.
 */
export function eachDistribution(
  snapshot: AccountSnapshot,
  evaluate: (config: DistributionConfig, d: Distribution, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  const scope = accountResource(snapshot.accountId, snapshot.partition);
  return withCollected(snapshot.edge.distributions, scope, (distributions) =>
    distributions.length === 0
      ? [notApplicable(scope, `No CloudFront distributions in account ${snapshot.accountId}`)]
      : distributions.flatMap((d) => {
          const resource = distributionRef(snapshot, d);
          return withCollected(d.config, resource, (config) => [evaluate(config, d, resource)]);
        }),
  );
}
