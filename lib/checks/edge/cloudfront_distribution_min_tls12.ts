import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDistribution } from './helpers/distributions.js';
import { isCloudFrontTls12_2021OrLater } from './helpers/tls-policies.js';

export const check = defineCheck({
  id: 'cloudfront_distribution_min_tls12',
  title: 'CloudFront distributions require TLSv1.2_2021 or later from viewers',
  service: 'cloudfront',
  reads: ['edge'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'medium',
  rationale:
    'TLSv1.2_2021 is the first CloudFront security policy that allows only TLS 1.2+ with forward-secret AEAD ciphers. A distribution on the default *.cloudfront.net certificate fails: AWS fixes its floor at TLSv1 and it cannot be raised. Stricter than the Config rule cloudfront-security-policy-check (TLSv1.2_2018) on purpose.',
  remediation:
    'Attach an ACM certificate (us-east-1) and an alternate domain name, then CloudFront console > distribution > General > Edit > Security policy TLSv1.2_2021 (or aws cloudfront update-distribution with ViewerCertificate.MinimumProtocolVersion=TLSv1.2_2021)',
  evaluate: (snapshot) =>
    eachDistribution(snapshot, (config, d, resource) => {
      if (config.defaultCertificate) {
        return fail(resource, `CloudFront distribution ${d.id} uses the default *.cloudfront.net certificate, whose floor is TLSv1`);
      }
      return isCloudFrontTls12_2021OrLater(config.minimumProtocolVersion)
        ? pass(resource, `CloudFront distribution ${d.id} requires ${config.minimumProtocolVersion} from viewers`)
        : fail(resource, `CloudFront distribution ${d.id} allows viewers down to ${config.minimumProtocolVersion ?? 'an unset minimum protocol'}`);
    }),
});
