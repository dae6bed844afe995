import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { openPolicyStatement } from './helpers/access-policy.js';
import { eachDomain } from './helpers/opensearch.js';

export const check = defineCheck({
  id: 'opensearch_domain_not_publicly_accessible',
  title: 'OpenSearch domains are in a VPC or have an access policy that is not open',
  service: 'opensearch',
  reads: ['data'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    'A domain with a public endpoint and an access policy that allows any principal lets anyone on the internet read and write the index. Follows Prowler opensearch_service_domains_not_publicly_accessible: a VPC domain passes; a public-endpoint domain passes only when no Allow statement grants a wildcard principal without a restricting condition. AWS Config opensearch-in-vpc-only is stricter (every public-endpoint domain fails); we accept a restrictive policy because IP- or organization-restricted public endpoints are a documented, supported pattern.',
  remediation:
    'Restrict the access policy to named principals or source IPs: aws opensearch update-domain-config --domain-name <name> --access-policies file://policy.json; or recreate the domain inside a VPC.',
  evaluate: (snapshot) =>
    eachDomain(snapshot, (domain, config, resource) => {
      if (config.inVpc) return pass(resource, `OpenSearch domain ${domain.name} is inside a VPC`);
      const verdict = openPolicyStatement(config.accessPolicy);
      if ('unreadable' in verdict) return errorResult(resource, `Could not parse the access policy of OpenSearch domain ${domain.name}: ${verdict.unreadable}`);
      return verdict.open
        ? fail(resource, `OpenSearch domain ${domain.name} has a public endpoint and its access policy ${verdict.statement} allows any principal`)
        : pass(resource, `OpenSearch domain ${domain.name} has a public endpoint but its access policy does not allow any principal`);
    }),
});
