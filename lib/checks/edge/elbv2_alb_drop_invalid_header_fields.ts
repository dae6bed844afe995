import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { attributeOn, eachLoadBalancerAttributes, isApplication } from './helpers/load-balancers.js';

export const check = defineCheck({
  id: 'elbv2_alb_drop_invalid_header_fields',
  title: 'Application Load Balancers drop invalid HTTP header fields',
  service: 'elasticloadbalancing',
  reads: ['edge'],
  citations: ['164.312(c)(1)', '164.312(e)(2)(i)'],
  severity: 'medium',
  rationale:
    'Header fields that do not match the RFC grammar are the raw material of request smuggling and header injection; dropping them at the load balancer protects the integrity of requests reaching ePHI applications. Same semantics as Prowler elbv2_desync_mitigation_mode (its header half) and the Config rule alb-http-drop-invalid-header-enabled.',
  remediation:
    'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true',
  evaluate: (snapshot) =>
    eachLoadBalancerAttributes(snapshot, 'Application Load Balancers', isApplication, (attributes, lb, resource) =>
      attributeOn(attributes, 'routing.http.drop_invalid_header_fields.enabled')
        ? pass(resource, `Application Load Balancer ${lb.name} drops invalid header fields`)
        : fail(resource, `Application Load Balancer ${lb.name} forwards invalid header fields to its targets`),
    ),
});
