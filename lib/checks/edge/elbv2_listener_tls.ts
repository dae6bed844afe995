import type { ResourceRef } from '../../model/resource.js';
import type { Listener } from '../../snapshot/edge.js';
import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck, type CheckResult } from '../types.js';
import { eachLoadBalancer } from './helpers/load-balancers.js';
import { listenerRef } from './helpers/resources.js';
import { isModernElbv2Policy } from './helpers/tls-policies.js';

function evaluateListener(l: Listener, lbName: string, resource: ResourceRef): CheckResult {
  const name = `Listener ${resource.id} (${l.protocol}:${l.port ?? '?'} on ${lbName})`;
  if (l.protocol === 'HTTP') {
    return l.redirectsToHttps
      ? pass(resource, `${name} redirects all requests to HTTPS`)
      : fail(resource, `${name} serves plaintext HTTP without redirecting to HTTPS`);
  }
  if (l.protocol === 'HTTPS' || l.protocol === 'TLS') {
    return isModernElbv2Policy(l.sslPolicy)
      ? pass(resource, `${name} uses TLS policy ${l.sslPolicy}`)
      : fail(resource, `${name} uses ${l.sslPolicy ?? 'no'} TLS policy, which allows protocols older than TLS 1.2`);
  }
  // TCP/UDP/GENEVE pass bytes through; whether they carry TLS is decided by the targets.
  return notApplicable(resource, `${name} does not terminate TLS (${l.protocol}); encryption is up to the targets`);
}

export const check = defineCheck({
  id: 'elbv2_listener_tls',
  title: 'Load balancer listeners use modern TLS or redirect to HTTPS',
  service: 'elasticloadbalancing',
  reads: ['edge'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Plain HTTP listeners send ePHI unencrypted; HTTPS/TLS listeners with old security policies still accept TLS 1.0/1.1. This one check covers both halves of the AWS Config rules alb-http-to-https-redirection-check and elb-tls-https-listeners-only (default action only; listener rules are not read).',
  remediation:
    'aws elbv2 modify-listener --listener-arn <arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06; for HTTP listeners set the default action to redirect to HTTPS (port 443, HTTP_301).',
  evaluate: (snapshot) =>
    eachLoadBalancer(snapshot, 'load balancer listeners', () => true, (lb, lbRef, region) =>
      withCollected(lb.listeners, lbRef, (listeners) =>
        listeners.map((l) => evaluateListener(l, lb.name, listenerRef(snapshot, l, region))),
      ),
    ),
});
