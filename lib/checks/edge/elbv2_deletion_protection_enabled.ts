import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { attributeOn, eachLoadBalancerAttributes } from './helpers/load-balancers.js';

export const check = defineCheck({
  id: 'elbv2_deletion_protection_enabled',
  title: 'Load balancers have deletion protection enabled',
  service: 'elasticloadbalancing',
  reads: ['edge'],
  citations: ['164.308(a)(7)(ii)(B)', '164.312(c)(1)'],
  severity: 'low',
  rationale:
    'A deleted load balancer takes the application serving ePHI off line and loses its DNS name; deletion protection makes that an explicit two-step act. Same semantics as Prowler elbv2_deletion_protection and the Config rule elb-deletion-protection-enabled (all elbv2 types).',
  remediation:
    'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=deletion_protection.enabled,Value=true',
  evaluate: (snapshot) =>
    eachLoadBalancerAttributes(snapshot, 'load balancers', () => true, (attributes, lb, resource) =>
      attributeOn(attributes, 'deletion_protection.enabled')
        ? pass(resource, `Load balancer ${lb.name} has deletion protection enabled`)
        : fail(resource, `Load balancer ${lb.name} (${lb.type}) has deletion protection disabled`),
    ),
});
