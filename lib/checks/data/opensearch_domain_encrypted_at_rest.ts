import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDomain } from './helpers/opensearch.js';

export const check = defineCheck({
  id: 'opensearch_domain_encrypted_at_rest',
  title: 'OpenSearch domains encrypt data at rest',
  service: 'opensearch',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'Indices, logs, swap files and automated snapshots of a patient-search domain hold ePHI; encryption at rest protects them with KMS (AWS Config opensearch-encrypted-at-rest / elasticsearch-encrypted-at-rest).',
  remediation:
    'aws opensearch update-domain-config --domain-name <name> --encryption-at-rest-options Enabled=true,KmsKeyId=<kms-key-arn> (OpenSearch 6.7+; older domains must be migrated to a new domain).',
  evaluate: (snapshot) =>
    eachDomain(snapshot, (domain, config, resource) =>
      config.encryptionAtRest
        ? pass(resource, `OpenSearch domain ${domain.name} encrypts data at rest`)
        : fail(resource, `OpenSearch domain ${domain.name} does not encrypt data at rest`),
    ),
});
