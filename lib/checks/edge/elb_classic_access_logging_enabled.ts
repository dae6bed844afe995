import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachClassicLoadBalancer } from './helpers/load-balancers.js';

export const check = defineCheck({
  id: 'elb_classic_access_logging_enabled',
  title: 'Classic Load Balancers write access logs',
  service: 'elasticloadbalancing',
  reads: ['edge'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Access logs are the record of who reached the application behind the load balancer and when. Same semantics as Prowler elb_logging_enabled and the Config rule elb-logging-enabled.',
  remediation:
    'aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes "{\\"AccessLog\\":{\\"Enabled\\":true,\\"S3BucketName\\":\\"<log-bucket>\\",\\"EmitInterval\\":60}}"',
  evaluate: (snapshot) =>
    eachClassicLoadBalancer(snapshot, (lb, resource) =>
      withCollected(lb.accessLog, resource, (log) => [
        log.enabled
          ? pass(resource, `Classic Load Balancer ${lb.name} writes access logs to ${log.bucket ?? 'S3'}`)
          : fail(resource, `Classic Load Balancer ${lb.name} has access logging disabled`),
      ]),
    ),
});
