import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDomain } from './helpers/opensearch.js';

export const check = defineCheck({
  id: 'opensearch_domain_node_to_node_encryption',
  title: 'OpenSearch domains encrypt traffic between nodes',
  service: 'opensearch',
  reads: ['data'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'medium',
  rationale:
    'Node-to-node encryption adds TLS to the traffic inside the cluster, where documents move between data nodes (AWS Config opensearch-node-to-node-encryption-check).',
  remediation: 'aws opensearch update-domain-config --domain-name <name> --node-to-node-encryption-options Enabled=true',
  evaluate: (snapshot) =>
    eachDomain(snapshot, (domain, config, resource) =>
      config.nodeToNodeEncryption
        ? pass(resource, `OpenSearch domain ${domain.name} encrypts node-to-node traffic`)
        : fail(resource, `OpenSearch domain ${domain.name} does not encrypt node-to-node traffic`),
    ),
});
