import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_root_usage',
  title: 'A metric filter and alarm exist for root account usage',
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(C)'],
  severity: 'high',
  rationale: 'The root user bypasses IAM policies and is not tied to a person; every use should be reviewed promptly.',
  activity: ACTIVITIES.rootUsage,
});
