import type { Listener } from '../../snapshot/storage.js';
import { fail, notApplicable, pass, resourceRef, withCollected } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck, type CheckResult } from '../types.js';
import { type ResourceRef } from '../../model/resource.js';

/** Predefined ELB policies whose minimum is TLS 1.2 or 1.3; anything else (2016-08, TLS-1-0/1-1, FS-1-1...) fails. */
const MODERN_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;

export function isModernPolicy(policy: string | null): boolean {
  return policy !== null && MODERN_POLICY.test(policy);
}

function evaluateListener(l: Listener, lbName: string, resource: ResourceRef): CheckResult {
  const name = `Listener ${resource.id} (${l.protocol}:${l.port ?? '?'} on ${lbName})`;
  if (l.protocol === 'HTTP') {
    return l.redirectsToHttps
      ? pass(resource, `${name} redirects all requests to HTTPS.`)
      : fail(resource, `${name} serves plaintext HTTP without redirecting to HTTPS.`);
  }
  if (l.protocol === 'HTTPS' || l.protocol === 'TLS') {
    return isModernPolicy(l.sslPolicy)
      ? pass(resource, `${name} uses TLS policy ${l.sslPolicy}.`)
      : fail(resource, `${name} uses ${l.sslPolicy ?? 'no'} TLS policy, which allows protocols older than TLS 1.2.`);
  }
  // TCP/UDP/GENEVE pass bytes through; whether they carry TLS is decided by the targets.
  return notApplicable(resource, `${name} does not terminate TLS (${l.protocol}); encryption is up to the targets.`);
}

export const check = defineCheck({
  id: 'elbv2_listener_tls',
  title: 'Load balancer listeners use modern TLS or redirect to HTTPS',
  service: 'elasticloadbalancing',
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Plain HTTP listeners send ePHI unencrypted; HTTPS/TLS listeners with old security policies still accept TLS 1.0/1.1.',
  remediation:
    'aws elbv2 modify-listener --listener-arn <arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06; for HTTP listeners set the default action to redirect to HTTPS (port 443, HTTP_301).',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.loadBalancers, 'load balancer listeners', (lb, region) => {
      const lbRef = resourceRef(snapshot, lb.arn, lb.name, 'AWS::ElasticLoadBalancingV2::LoadBalancer', region);
      return withCollected(lb.listeners, lbRef, (listeners) =>
        listeners.map((l) =>
          evaluateListener(l, lb.name, resourceRef(snapshot, l.arn, l.arn.split('/').slice(-3).join('/'), 'AWS::ElasticLoadBalancingV2::Listener', region)),
        ),
      );
    }),
});
