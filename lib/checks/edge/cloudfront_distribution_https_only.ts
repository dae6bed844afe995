import type { DistributionConfig } from '../../snapshot/edge.js';
import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDistribution } from './helpers/distributions.js';
import { CLOUDFRONT_PRE_TLS12 } from './helpers/tls-policies.js';

/** What lets traffic to or from the distribution travel without modern TLS. */
function transportIssues(c: DistributionConfig): string[] {
  const issues = c.behaviors
    .filter((b) => b.viewerProtocolPolicy === 'allow-all')
    .map((b) => `behavior ${b.pathPattern} allows HTTP`);
  // The default *.cloudfront.net certificate's protocol floor is set by AWS and cannot be raised.
  if (!c.defaultCertificate && c.minimumProtocolVersion && CLOUDFRONT_PRE_TLS12.has(c.minimumProtocolVersion)) {
    issues.push(`minimum viewer protocol ${c.minimumProtocolVersion}`);
  }
  for (const o of c.origins) {
    if (o.protocolPolicy === 'http-only') issues.push(`origin ${o.id} is reached over HTTP only`);
  }
  return issues;
}

export const check = defineCheck({
  id: 'cloudfront_distribution_https_only',
  title: 'CloudFront distributions require HTTPS',
  service: 'cloudfront',
  reads: ['edge'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Viewer protocol policy allow-all serves content over plain HTTP; old minimum protocols accept TLS 1.0/1.1; http-only origins send data in clear behind CloudFront.',
  remediation:
    'CloudFront console > distribution > Behaviors: set Viewer protocol policy to "Redirect HTTP to HTTPS" or "HTTPS only"; General > Security policy TLSv1.2_2021; Origins: protocol HTTPS only.',
  evaluate: (snapshot) =>
    eachDistribution(snapshot, (config, d, resource) => {
      if (config.behaviors.length === 0) {
        return errorResult(resource, `CloudFront distribution ${d.id} configuration did not include its cache behaviors`);
      }
      const issues = transportIssues(config);
      return issues.length === 0
        ? pass(resource, `CloudFront distribution ${d.id} requires HTTPS for viewers and origins`)
        : fail(resource, `CloudFront distribution ${d.id}: ${issues.join('; ')}`);
    }),
});
