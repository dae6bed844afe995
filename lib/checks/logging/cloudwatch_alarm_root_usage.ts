import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { matchesRootUsage } from './helpers/metric-patterns.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_root_usage',
  title: 'A metric filter and alarm exist for root account usage',
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(C)'],
  severity: 'high',
  rationale: 'The root user bypasses IAM policies and is not tied to a person; every use should be reviewed promptly.',
  subject: 'root account usage',
  cisPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  matches: matchesRootUsage,
});
