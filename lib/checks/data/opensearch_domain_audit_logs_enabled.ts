import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDomain } from './helpers/opensearch.js';

export const check = defineCheck({
  id: 'opensearch_domain_audit_logs_enabled',
  title: 'OpenSearch domains publish audit logs',
  service: 'opensearch',
  reads: ['data'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Audit logs record who read or changed which index, the access record for ePHI in the domain (AWS Config opensearch-audit-logging-enabled, Prowler opensearch_service_domains_audit_logging_enabled). They require fine-grained access control.',
  remediation:
    'aws opensearch update-domain-config --domain-name <name> --log-publishing-options "AUDIT_LOGS={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}" and enable audit logging in OpenSearch Dashboards > Security > Audit logs.',
  evaluate: (snapshot) =>
    eachDomain(snapshot, (domain, config, resource) =>
      config.enabledLogs.includes('AUDIT_LOGS')
        ? pass(resource, `OpenSearch domain ${domain.name} publishes audit logs`)
        : fail(resource, `OpenSearch domain ${domain.name} does not publish audit logs`),
    ),
});
