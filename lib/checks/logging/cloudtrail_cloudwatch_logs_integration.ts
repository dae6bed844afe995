import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { evaluateEachTrail } from './helpers/trails.js';

export const check = defineCheck({
  id: 'cloudtrail_cloudwatch_logs_integration',
  title: 'CloudTrail trails deliver to CloudWatch Logs',
  service: 'cloudtrail',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale:
    'Activity review needs events where metric filters and alarms can watch them in near real time; ' +
    'logs that only land in S3 are reviewed, if at all, long after the fact.',
  remediation:
    'aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn> ' +
    '(Console: CloudTrail > Trails > <trail> > CloudWatch Logs > Edit > Enabled).',
  evaluate: (snapshot) =>
    evaluateEachTrail(snapshot, (trail, resource) =>
      trail.cloudWatchLogsLogGroupArn
        ? pass(resource, `Trail ${trail.name} delivers to CloudWatch Logs group ${trail.cloudWatchLogsLogGroupArn}`)
        : fail(resource, `Trail ${trail.name} does not deliver to CloudWatch Logs`),
    ),
});
