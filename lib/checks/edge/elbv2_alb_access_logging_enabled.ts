import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { attributeOn, eachLoadBalancerAttributes, isApplication } from './helpers/load-balancers.js';

export const check = defineCheck({
  id: 'elbv2_alb_access_logging_enabled',
  title: 'Application Load Balancers write access logs',
  service: 'elasticloadbalancing',
  reads: ['edge'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Access logs record every request (client, path, status, TLS protocol) reaching the applications behind the load balancer; without them requests to ePHI cannot be reviewed. Same semantics as Prowler elbv2_logging_enabled and the Config rule elb-logging-enabled for ALBs; Network Load Balancers are left out because their access logs cover TLS listeners only.',
  remediation:
    'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<log-bucket>',
  evaluate: (snapshot) =>
    eachLoadBalancerAttributes(snapshot, 'Application Load Balancers', isApplication, (attributes, lb, resource) =>
      attributeOn(attributes, 'access_logs.s3.enabled')
        ? pass(resource, `Application Load Balancer ${lb.name} writes access logs to ${attributes['access_logs.s3.bucket'] || 'S3'}`)
        : fail(resource, `Application Load Balancer ${lb.name} has access logging disabled`),
    ),
});
