import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDistribution } from './helpers/distributions.js';

export const check = defineCheck({
  id: 'cloudfront_distribution_waf_attached',
  title: 'CloudFront distributions have a WAF web ACL',
  service: 'cloudfront',
  reads: ['edge'],
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  severity: 'medium',
  rationale:
    'A web ACL at the edge filters injection, known-bad inputs and abusive clients before they reach the origin. Same semantics as Prowler cloudfront_distributions_using_waf and the Config rule cloudfront-associated-with-waf (WebACLId in the distribution configuration).',
  remediation:
    'Create a web ACL with scope CLOUDFRONT in us-east-1, then CloudFront console > distribution > Security > Edit > Enable AWS WAF protections (or set DistributionConfig.WebACLId to <web-acl-arn> with aws cloudfront update-distribution)',
  evaluate: (snapshot) =>
    eachDistribution(snapshot, (config, d, resource) =>
      config.webAclId
        ? pass(resource, `CloudFront distribution ${d.id} is protected by web ACL ${config.webAclId.split('/').at(-2) ?? config.webAclId}`)
        : fail(resource, `CloudFront distribution ${d.id} has no WAF web ACL`),
    ),
});
