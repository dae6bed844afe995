import { daysBetween, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

/** Certificates that protect or can protect connections; pending, failed and revoked ones have no validity to judge. */
const USABLE_STATUSES = new Set(['ISSUED', 'EXPIRED', 'INACTIVE']);

export const check = defineCheck({
  id: 'acm_certificate_not_expiring',
  title: 'ACM certificates are not expired or about to expire',
  service: 'acm',
  reads: ['data'],
  citations: ['164.312(e)(1)'],
  severity: 'high',
  rationale:
    'An expired certificate breaks TLS for the load balancers, APIs and CloudFront distributions that use it, and pushes clients to work around it. As AWS Config acm-certificate-expiration-check, a certificate that expires within thresholds.certificateExpiryDays (default 30) fails, in use or not; Amazon-issued certificates normally renew themselves, so a failure there means renewal is stuck.',
  remediation:
    'Imported: aws acm import-certificate --certificate-arn <certificate-arn> --certificate fileb://cert.pem --private-key fileb://key.pem --certificate-chain fileb://chain.pem. Amazon issued: fix the DNS validation record so managed renewal can complete (ACM console > certificate > Domains).',
  evaluate: (snapshot, now, thresholds) =>
    eachDataItem(snapshot, (r) => r.certificates, 'issued ACM certificates', (cert, region) => {
      if (!USABLE_STATUSES.has(cert.status) || cert.notAfter === null) return [];
      const resource = dataResource(snapshot, cert.arn, cert.arn.split('/').at(-1) ?? cert.arn, 'AWS::ACM::Certificate', region);
      const name = `${resource.id} (${cert.domainName})`;
      const expiry = new Date(cert.notAfter);
      const days = daysBetween(now, expiry);
      const limit = thresholds.certificateExpiryDays;
      const use = cert.inUse ? 'in use' : 'not in use';
      if (expiry <= now) return [fail(resource, `ACM certificate ${name} expired on ${cert.notAfter} (${use})`)];
      return [
        days <= limit
          ? fail(resource, `ACM certificate ${name} expires in ${days} days on ${cert.notAfter}, within ${limit} days (${use})`)
          : pass(resource, `ACM certificate ${name} expires in ${days} days on ${cert.notAfter}`),
      ];
    }),
});
