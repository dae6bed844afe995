import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { logGroupResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'cloudwatch_log_group_retention_six_years',
  title: 'CloudWatch Logs log groups retain events for at least six years',
  service: 'logs',
  reads: ['logging'],
  citations: ['164.316(b)(2)(i)'],
  severity: 'high',
  rationale:
    'HIPAA requires documentation, including audit records of security activity, to be retained for six years; ' +
    'a shorter retention policy deletes them automatically.',
  remediation:
    'aws logs put-retention-policy --log-group-name <group> --retention-in-days 2192 (or delete the policy so events never expire) ' +
    '(Console: CloudWatch > Log groups > <group> > Actions > Edit retention setting).',
  evaluate: (snapshot, _now, thresholds) =>
    eachRegionalItem(snapshot, snapshot.logging.regions, (r) => r.logGroups, 'CloudWatch Logs log groups', (group, region) => {
      const resource = logGroupResource(group, region, snapshot);
      const required = thresholds.auditLogRetentionDays;
      // No retention policy means events never expire.
      if (group.retentionInDays === undefined) return [pass(resource, `Log group ${group.name} never expires events`)];
      return [
        group.retentionInDays >= required
          ? pass(resource, `Log group ${group.name} retains events for ${group.retentionInDays} days (>= ${required})`)
          : fail(resource, `Log group ${group.name} retains events for only ${group.retentionInDays} days (< ${required})`),
      ];
    }),
});
