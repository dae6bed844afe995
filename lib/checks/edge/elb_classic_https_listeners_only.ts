import type { ClassicListener, ClassicPolicy } from '../../snapshot/edge.js';
import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachClassicLoadBalancer } from './helpers/load-balancers.js';
import { isModernClassicPolicy } from './helpers/tls-policies.js';

const TLS_PROTOCOLS = new Set(['HTTPS', 'SSL']);

/** Why one listener fails, or null when it is an HTTPS/SSL listener with a TLS 1.2-only policy. */
function listenerIssue(l: ClassicListener, policies: readonly ClassicPolicy[]): string | null {
  const name = `listener ${l.protocol}:${l.port}`;
  if (!TLS_PROTOCOLS.has(l.protocol)) return `${name} is plaintext`;
  const negotiation = policies.find(
    (p) => l.policyNames.includes(p.name) && (p.referenceSecurityPolicy !== null || p.enabledProtocols.length > 0),
  );
  if (!negotiation) return `${name} has no SSL negotiation policy attached`;
  if (isModernClassicPolicy(negotiation.referenceSecurityPolicy, negotiation.enabledProtocols)) return null;
  const allows = negotiation.referenceSecurityPolicy ?? negotiation.enabledProtocols.join('/');
  return `${name} uses policy ${negotiation.name} (${allows}), which allows protocols older than TLS 1.2`;
}

export const check = defineCheck({
  id: 'elb_classic_https_listeners_only',
  title: 'Classic Load Balancers listen on HTTPS/SSL only, with a TLS 1.2 policy',
  service: 'elasticloadbalancing',
  reads: ['edge'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'HTTP and TCP listeners carry ePHI in clear; HTTPS/SSL listeners with an old negotiation policy still accept TLS 1.0/1.1. Combines Prowler elb_ssl_listeners (every listener HTTPS or SSL) and elb_insecure_ssl_ciphers / the Config rule elb-predefined-security-policy-ssl-check (a predefined ELBSecurityPolicy-TLS-1-2-* policy, or a custom policy enabling TLS 1.2 only).',
  remediation:
    'aws elb create-load-balancer-listeners --load-balancer-name <name> --listeners Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=<port>,SSLCertificateId=<acm-arn>; aws elb delete-load-balancer-listeners --load-balancer-name <name> --load-balancer-ports 80; aws elb set-load-balancer-policies-of-listener --load-balancer-name <name> --load-balancer-port 443 --policy-names <policy using ELBSecurityPolicy-TLS-1-2-2017-01>',
  evaluate: (snapshot) =>
    eachClassicLoadBalancer(snapshot, (lb, resource) => {
      const evaluate = (policies: readonly ClassicPolicy[]) => {
        const issues = lb.listeners.map((l) => listenerIssue(l, policies)).filter((i): i is string => i !== null);
        if (lb.listeners.length === 0) return [pass(resource, `Classic Load Balancer ${lb.name} has no listeners`)];
        return [
          issues.length === 0
            ? pass(resource, `Classic Load Balancer ${lb.name} listens on HTTPS/SSL only with TLS 1.2 policies`)
            : fail(resource, `Classic Load Balancer ${lb.name}: ${issues.join('; ')}`),
        ];
      };
      const hasTls = lb.listeners.some((l) => TLS_PROTOCOLS.has(l.protocol));
      if (!hasTls) return evaluate([]);
      if (!lb.policies) return [errorResult(resource, `Classic Load Balancer ${lb.name}: its policies were not collected`)];
      return withCollected(lb.policies, resource, evaluate);
    }),
});
