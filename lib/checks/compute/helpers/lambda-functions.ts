import type { ResourceRef } from '../../../model/resource.js';
import type { LambdaFunction } from '../../../snapshot/compute.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { eachRegionalItem } from '../../kit/regions.js';
import type { CheckResult } from '../../types.js';
import { computeRef } from './resources.js';

/** Evaluates every Lambda function, region by region (ERROR on the region when ListFunctions failed). */
export function eachFunction(
  snapshot: AccountSnapshot,
  evaluate: (fn: LambdaFunction, resource: ResourceRef) => CheckResult[],
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.compute.regions, (r) => r.functions, 'Lambda functions', (fn, region) =>
    evaluate(fn, computeRef(snapshot, fn.arn, fn.name, 'AWS::Lambda::Function', region)),
  );
}
