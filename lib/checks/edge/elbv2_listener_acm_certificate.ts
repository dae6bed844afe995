import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachLoadBalancer } from './helpers/load-balancers.js';
import { listenerRef } from './helpers/resources.js';

const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);
const isAcm = (arn: string) => /^arn:[^:]+:acm:/.test(arn);

export const check = defineCheck({
  id: 'elbv2_listener_acm_certificate',
  title: 'HTTPS/TLS listeners use an ACM certificate',
  service: 'elasticloadbalancing',
  reads: ['edge'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'medium',
  rationale:
    'ACM renews certificates before they expire; a certificate uploaded to IAM is renewed by hand, and an expired one breaks TLS or trains clients to accept errors. Same semantics as the Config rule elbv2-acm-certificate-required, judged per listener (default certificate; SNI certificates are not read).',
  remediation:
    'Request or import the certificate in ACM (aws acm request-certificate --domain-name <name> --validation-method DNS), then aws elbv2 modify-listener --listener-arn <arn> --certificates CertificateArn=<acm-arn>',
  evaluate: (snapshot) =>
    eachLoadBalancer(snapshot, 'HTTPS or TLS listeners', () => true, (lb, lbRef, region) =>
      withCollected(lb.listeners, lbRef, (listeners) =>
        listeners
          .filter((l) => TLS_PROTOCOLS.has(l.protocol))
          .map((l) => {
            const resource = listenerRef(snapshot, l, region);
            const name = `Listener ${resource.id} (${l.protocol}:${l.port ?? '?'} on ${lb.name})`;
            const other = l.certificateArns.filter((arn) => !isAcm(arn));
            if (l.certificateArns.length === 0) return fail(resource, `${name} lists no certificate`);
            return other.length === 0
              ? pass(resource, `${name} uses an ACM certificate`)
              : fail(resource, `${name} uses a certificate not managed by ACM: ${other.join(', ')}`);
          }),
      ),
    ),
});
