import { fail, pass, withCollected, errorResult } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachLoadBalancer, isApplication } from './helpers/load-balancers.js';

export const check = defineCheck({
  id: 'elbv2_alb_waf_attached',
  title: 'Internet-facing Application Load Balancers have a WAF web ACL',
  service: 'wafv2',
  reads: ['edge'],
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  severity: 'medium',
  rationale:
    'A web ACL filters injection, known-bad inputs and abusive clients before they reach an application holding ePHI. Prowler elbv2_waf_acl_attached judges every ALB; we judge internet-facing ALBs only, because internal ones are reachable only from inside the VPC. Read with wafv2:GetWebACLForResource per internet-facing ALB; WAF Classic associations are not read.',
  remediation:
    'aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn <load-balancer-arn> (create the web ACL first, e.g. with the AWS managed rule groups AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet)',
  evaluate: (snapshot) =>
    eachLoadBalancer(
      snapshot,
      'internet-facing Application Load Balancers',
      (lb) => isApplication(lb) && lb.scheme === 'internet-facing',
      (lb, resource) => {
        if (!lb.webAcl) return [errorResult(resource, `Application Load Balancer ${lb.name}: its web ACL was not collected`)];
        return withCollected(lb.webAcl, resource, (acl) => [
          acl
            ? pass(resource, `Internet-facing Application Load Balancer ${lb.name} is protected by web ACL ${acl.split('/').at(-2) ?? acl}`)
            : fail(resource, `Internet-facing Application Load Balancer ${lb.name} has no WAF web ACL`),
        ]);
      },
    ),
});
