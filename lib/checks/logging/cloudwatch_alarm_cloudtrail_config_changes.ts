import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_cloudtrail_config_changes',
  title: 'A metric filter and alarm exist for CloudTrail configuration changes',
  citations: ['164.308(a)(1)(ii)(D)', '164.312(b)'],
  severity: 'medium',
  rationale: 'Stopping or reconfiguring a trail is how activity is hidden; the audit control must alert when it changes.',
  activity: ACTIVITIES.cloudTrailChanges,
});
