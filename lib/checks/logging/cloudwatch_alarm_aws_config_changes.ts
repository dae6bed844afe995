import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_aws_config_changes',
  title: 'A metric filter and alarm exist for AWS Config configuration changes',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Stopping the Config recorder or deleting its delivery channel blinds the configuration history an auditor relies on.',
  activity: ACTIVITIES.configChanges,
});
