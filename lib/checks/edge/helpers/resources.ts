import type { ResourceRef } from '../../../model/resource.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ClassicLoadBalancer, Distribution, Listener, LoadBalancer } from '../../../snapshot/edge.js';

function ref(snapshot: AccountSnapshot, arn: string, id: string, type: string, region: string): ResourceRef {
  return { arn, id, type, region, accountId: snapshot.accountId };
}

export function loadBalancerRef(snapshot: AccountSnapshot, lb: LoadBalancer, region: string): ResourceRef {
  return ref(snapshot, lb.arn, lb.name, 'AWS::ElasticLoadBalancingV2::LoadBalancer', region);
}

/** Listener id: the last three ARN segments (`<lb-name>/<lb-id>/<listener-id>`), unique and readable. */
export function listenerRef(snapshot: AccountSnapshot, listener: Listener, region: string): ResourceRef {
  return ref(snapshot, listener.arn, listener.arn.split('/').slice(-3).join('/'), 'AWS::ElasticLoadBalancingV2::Listener', region);
}

export function classicRef(snapshot: AccountSnapshot, lb: ClassicLoadBalancer, region: string): ResourceRef {
  return ref(snapshot, lb.arn, lb.name, 'AWS::ElasticLoadBalancing::LoadBalancer', region);
}

export function distributionRef(snapshot: AccountSnapshot, d: Distribution): ResourceRef {
  return ref(snapshot, d.arn, d.id, 'AWS::CloudFront::Distribution', 'global');
}
