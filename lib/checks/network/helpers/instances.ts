import type { ResourceRef } from '../../../model/resource.js';
import type { Instance } from '../../../snapshot/network.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { eachRegionalItem } from '../../kit/regions.js';
import type { CheckResult } from '../../types.js';
import { networkResource } from './resources.js';

/** Every EC2 instance that still exists (terminated and shutting-down ones are not collected). */
export function eachInstance(
  snapshot: AccountSnapshot,
  evaluate: (instance: Instance, resource: ResourceRef, region: string) => CheckResult[],
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.instances, 'EC2 instances', (instance, region) =>
    evaluate(instance, networkResource(snapshot, region, 'AWS::EC2::Instance', instance.id, instance.arn), region),
  );
}
