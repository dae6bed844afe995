import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDomain } from './helpers/opensearch.js';

export const check = defineCheck({
  id: 'opensearch_domain_fine_grained_access_control',
  title: 'OpenSearch domains use fine-grained access control',
  service: 'opensearch',
  reads: ['data'],
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  severity: 'medium',
  rationale:
    'Fine-grained access control adds index-, document- and field-level permissions per user or role, so a clinician search role need not see billing indices (AWS Config opensearch-access-control-enabled).',
  remediation:
    'aws opensearch update-domain-config --domain-name <name> --advanced-security-options Enabled=true,InternalUserDatabaseEnabled=false,MasterUserOptions={MasterUserARN=<role-arn>} (requires HTTPS, node-to-node and at-rest encryption).',
  evaluate: (snapshot) =>
    eachDomain(snapshot, (domain, config, resource) =>
      config.fineGrainedAccessControl
        ? pass(resource, `OpenSearch domain ${domain.name} uses fine-grained access control`)
        : fail(resource, `OpenSearch domain ${domain.name} does not use fine-grained access control`),
    ),
});
