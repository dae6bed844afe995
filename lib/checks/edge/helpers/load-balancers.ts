import type { ResourceRef } from '../../../model/resource.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ClassicLoadBalancer, LoadBalancer } from '../../../snapshot/edge.js';
import { eachRegionalItem } from '../../kit/regions.js';
import { withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { classicRef, loadBalancerRef } from './resources.js';

/**
 * Evaluates every elbv2 load balancer that `applies` selects, region by region (ERROR on the region when
 * DescribeLoadBalancers failed, NOT_APPLICABLE when none is in scope). `noun` names them in that reason.
 */
export function eachLoadBalancer(
  snapshot: AccountSnapshot,
  noun: string,
  applies: (lb: LoadBalancer) => boolean,
  evaluate: (lb: LoadBalancer, resource: ResourceRef, region: string) => CheckResult[],
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.edge.regions, (r) => r.loadBalancers, noun, (lb, region) =>
    applies(lb) ? evaluate(lb, loadBalancerRef(snapshot, lb, region), region) : [],
  );
}

/** One verdict per load balancer from its attributes (ERROR on the load balancer when they could not be read). */
export function eachLoadBalancerAttributes(
  snapshot: AccountSnapshot,
  noun: string,
  applies: (lb: LoadBalancer) => boolean,
  evaluate: (attributes: Readonly<Record<string, string>>, lb: LoadBalancer, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  return eachLoadBalancer(snapshot, noun, applies, (lb, resource) =>
    withCollected(lb.attributes, resource, (attributes) => [evaluate(attributes, lb, resource)]),
  );
}

/** An attribute AWS reports as the string "true"; an attribute never set reads as its default, false. */
export function attributeOn(attributes: Readonly<Record<string, string>>, key: string): boolean {
  return attributes[key] === 'true';
}

export const isApplication = (lb: LoadBalancer): boolean => lb.type === 'application';

export function eachClassicLoadBalancer(
  snapshot: AccountSnapshot,
  evaluate: (lb: ClassicLoadBalancer, resource: ResourceRef) => CheckResult[],
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.edge.regions, (r) => r.classicLoadBalancers, 'Classic Load Balancers', (lb, region) =>
    evaluate(lb, classicRef(snapshot, lb, region)),
  );
}
