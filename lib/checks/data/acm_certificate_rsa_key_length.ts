import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

const MIN_RSA_BITS = 2048;

export const check = defineCheck({
  id: 'acm_certificate_rsa_key_length',
  title: 'ACM RSA certificates use keys of at least 2048 bits',
  service: 'acm',
  reads: ['data'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'RSA keys below 2048 bits no longer give adequate protection (NIST SP 800-131A) and browsers reject them. As AWS Config acm-certificate-rsa-check, RSA certificates with shorter keys fail; ECDSA certificates are not RSA and are not evaluated.',
  remediation:
    'Request or import a replacement with an RSA 2048+ or ECDSA key (aws acm request-certificate --domain-name <domain> --key-algorithm RSA_2048 --validation-method DNS), move its users to it, then delete the old certificate.',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.certificates, 'ACM RSA certificates', (cert, region) => {
      const bits = /^RSA_(\d+)$/.exec(cert.keyAlgorithm ?? '')?.[1];
      if (bits === undefined) return [];
      const resource = dataResource(snapshot, cert.arn, cert.arn.split('/').at(-1) ?? cert.arn, 'AWS::ACM::Certificate', region);
      const name = `${resource.id} (${cert.domainName})`;
      return [
        Number(bits) >= MIN_RSA_BITS
          ? pass(resource, `ACM certificate ${name} uses an RSA ${bits}-bit key`)
          : fail(resource, `ACM certificate ${name} uses an RSA ${bits}-bit key, below ${MIN_RSA_BITS} bits`),
      ];
    }),
});
