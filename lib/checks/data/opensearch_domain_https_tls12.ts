import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDomain } from './helpers/opensearch.js';

/** TLS security policies whose minimum is TLS 1.2 or later (Policy-Min-TLS-1-2-2019-07, -PFS-2023-10, ...). */
const TLS12_POLICY = /^Policy-Min-TLS-1-[2-9]/;

export const check = defineCheck({
  id: 'opensearch_domain_https_tls12',
  title: 'OpenSearch domains require HTTPS with TLS 1.2 or later',
  service: 'opensearch',
  reads: ['data'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Queries and results carry ePHI between clients and the domain endpoint. As AWS Config opensearch-https-required, HTTPS must be enforced; the TLS security policy must also set TLS 1.2 as the minimum (Policy-Min-TLS-1-0 still accepts TLS 1.0 and 1.1).',
  remediation:
    'aws opensearch update-domain-config --domain-name <name> --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10',
  evaluate: (snapshot) =>
    eachDomain(snapshot, (domain, config, resource) => {
      const policy = config.tlsSecurityPolicy ?? 'none';
      if (!config.enforceHttps) return fail(resource, `OpenSearch domain ${domain.name} does not enforce HTTPS`);
      return TLS12_POLICY.test(policy)
        ? pass(resource, `OpenSearch domain ${domain.name} enforces HTTPS with TLS policy ${policy}`)
        : fail(resource, `OpenSearch domain ${domain.name} enforces HTTPS but TLS policy ${policy} allows TLS below 1.2`);
    }),
});
