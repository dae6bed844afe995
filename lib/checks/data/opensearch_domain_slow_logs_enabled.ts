import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDomain } from './helpers/opensearch.js';

const SLOW_LOGS = ['SEARCH_SLOW_LOGS', 'INDEX_SLOW_LOGS'] as const;

export const check = defineCheck({
  id: 'opensearch_domain_slow_logs_enabled',
  title: 'OpenSearch domains publish search and index slow logs',
  service: 'opensearch',
  reads: ['data'],
  citations: ['164.312(b)'],
  severity: 'low',
  rationale:
    'Slow logs show the queries and indexing requests a domain served, evidence for activity review when audit logs are not enough. As Prowler opensearch_service_domains_cloudwatch_logging_enabled, both search and index slow logs must be published; AWS Config opensearch-logs-to-cloudwatch also asks for error logs by default, which are not about access and are left out.',
  remediation:
    'aws opensearch update-domain-config --domain-name <name> --log-publishing-options "SEARCH_SLOW_LOGS={CloudWatchLogsLogGroupArn=<arn>,Enabled=true},INDEX_SLOW_LOGS={CloudWatchLogsLogGroupArn=<arn>,Enabled=true}"',
  evaluate: (snapshot) =>
    eachDomain(snapshot, (domain, config, resource) => {
      const missing = SLOW_LOGS.filter((type) => !config.enabledLogs.includes(type));
      return missing.length === 0
        ? pass(resource, `OpenSearch domain ${domain.name} publishes search and index slow logs`)
        : fail(resource, `OpenSearch domain ${domain.name} does not publish ${missing.join(' or ')}`);
    }),
});
