import type { Distribution } from '../../snapshot/storage.js';
import { accountResource, errorResult, fail, notApplicable, pass, resourceRef, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';

const OLD_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);

/** What lets traffic to or from the distribution travel without modern TLS. */
export function transportIssues(d: Distribution): string[] {
  const issues = d.behaviors
    .filter((b) => b.viewerProtocolPolicy === 'allow-all')
    .map((b) => `behavior ${b.pathPattern} allows HTTP`);
  // The default *.cloudfront.net certificate's protocol floor is set by AWS and cannot be raised.
  if (!d.defaultCertificate && d.minimumProtocolVersion && OLD_PROTOCOLS.has(d.minimumProtocolVersion)) {
    issues.push(`minimum viewer protocol ${d.minimumProtocolVersion}`);
  }
  for (const o of d.origins) {
    if (o.protocolPolicy === 'http-only') issues.push(`origin ${o.id} is reached over HTTP only`);
  }
  return issues;
}

export const check = defineCheck({
  id: 'cloudfront_distribution_https_only',
  title: 'CloudFront distributions require HTTPS',
  service: 'cloudfront',
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Viewer protocol policy allow-all serves content over plain HTTP; old minimum protocols accept TLS 1.0/1.1; http-only origins send data in clear behind CloudFront.',
  remediation:
    'CloudFront console > distribution > Behaviors: set Viewer protocol policy to "Redirect HTTP to HTTPS" or "HTTPS only"; General > Security policy TLSv1.2_2021; Origins: protocol HTTPS only.',
  evaluate: (snapshot) => {
    const scope = accountResource(snapshot.accountId, snapshot.partition);
    return withCollected(snapshot.storage.distributions, scope, (distributions) => {
      if (distributions.length === 0) return [notApplicable(scope, `No CloudFront distributions in account ${snapshot.accountId}.`)];
      return distributions.map((d) => {
        const resource = resourceRef(snapshot, d.arn, d.id, 'AWS::CloudFront::Distribution', 'global');
        if (d.behaviors.length === 0) {
          return errorResult(resource, `CloudFront distribution ${d.id} listing did not include its cache behaviors.`);
        }
        const issues = transportIssues(d);
        return issues.length === 0
          ? pass(resource, `CloudFront distribution ${d.id} requires HTTPS for viewers and origins.`)
          : fail(resource, `CloudFront distribution ${d.id}: ${issues.join('; ')}.`);
      });
    });
  },
});
