import { eachRegionalItem } from '../kit/regions.js';
import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { computeRef } from './helpers/resources.js';

/** TLS_1_2 and the newer SecurityPolicy_TLS12_* / SecurityPolicy_TLS13_* policies; TLS_1_0 is the one that fails. */
const isTls12OrLater = (policy: string) => policy === 'TLS_1_2' || /^SecurityPolicy_TLS1[23]/.test(policy);

export const check = defineCheck({
  id: 'apigateway_domain_tls12',
  title: 'API Gateway custom domains require TLS 1.2 or later',
  service: 'apigateway',
  reads: ['compute'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'medium',
  rationale:
    'The TLS_1_0 security policy accepts TLS 1.0 and 1.1 from clients of APIs that carry ePHI. Neither Prowler nor the Config pack has this control; TLS_1_2 is the minimum AWS recommends. Custom domain names are shared by REST and HTTP APIs, so one listing covers both.',
  remediation: 'aws apigateway update-domain-name --domain-name <name> --patch-operations op=replace,path=/securityPolicy,value=TLS_1_2',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.compute.regions, (r) => r.domainNames, 'API Gateway custom domain names', (d, region) => {
      const resource = computeRef(snapshot, d.arn, d.name, 'AWS::ApiGateway::DomainName', region);
      if (d.securityPolicy === null) return [errorResult(resource, `API Gateway domain ${d.name} did not report its security policy`)];
      return [
        isTls12OrLater(d.securityPolicy)
          ? pass(resource, `API Gateway domain ${d.name} uses security policy ${d.securityPolicy}`)
          : fail(resource, `API Gateway domain ${d.name} uses security policy ${d.securityPolicy}, which accepts TLS 1.0`),
      ];
    }),
});
