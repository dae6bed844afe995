import type { DistributionConfig } from '../../snapshot/edge.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDistribution } from './helpers/distributions.js';
import { ORIGIN_PRE_TLS12 } from './helpers/tls-policies.js';

/** Why traffic from CloudFront to each custom origin may travel without modern TLS. */
function originIssues(config: DistributionConfig): string[] {
  return config.origins.flatMap((o) => {
    if (o.protocolPolicy === null) return []; // S3 and other non-custom origins: HTTPS
    const issues: string[] = [];
    if (o.protocolPolicy === 'http-only') issues.push(`origin ${o.id} is reached over HTTP only`);
    if (o.protocolPolicy === 'match-viewer') {
      const plain = config.behaviors.filter((b) => b.targetOriginId === o.id && b.viewerProtocolPolicy === 'allow-all');
      if (plain.length > 0) {
        issues.push(`origin ${o.id} matches the viewer and behavior ${plain.map((b) => b.pathPattern).join(', ')} allows HTTP`);
      }
    }
    const old = o.sslProtocols.filter((p) => ORIGIN_PRE_TLS12.has(p));
    if (o.protocolPolicy !== 'http-only' && old.length > 0) issues.push(`origin ${o.id} allows ${old.join(', ')}`);
    return issues;
  });
}

export const check = defineCheck({
  id: 'cloudfront_origin_https_only',
  title: 'CloudFront reaches custom origins over HTTPS with TLS 1.2+',
  service: 'cloudfront',
  reads: ['edge'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Behind CloudFront, ePHI travels to the origin over the internet: an http-only origin, or match-viewer behind a behavior that allows HTTP, sends it in clear, and SSLv3/TLS 1.0/1.1 origin protocols are broken. Same semantics as Prowler cloudfront_distributions_origin_traffic_encrypted plus cloudfront_distributions_using_deprecated_ssl_protocols (which we extend to TLS 1.0/1.1).',
  remediation:
    'CloudFront console > distribution > Origins > Edit: Protocol "HTTPS only", Minimum origin SSL protocol TLSv1.2 (or aws cloudfront update-distribution with CustomOriginConfig.OriginProtocolPolicy=https-only and OriginSslProtocols=[TLSv1.2])',
  evaluate: (snapshot) =>
    eachDistribution(snapshot, (config, d, resource) => {
      const issues = originIssues(config);
      return issues.length === 0
        ? pass(resource, `CloudFront distribution ${d.id} reaches its ${config.origins.length} origin(s) over HTTPS`)
        : fail(resource, `CloudFront distribution ${d.id}: ${issues.join('; ')}`);
    }),
});
