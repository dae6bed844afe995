import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_vpc_changes',
  title: 'A metric filter and alarm exist for VPC changes',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Created, deleted, peered or re-attributed VPCs change which networks can reach ePHI systems.',
  activity: ACTIVITIES.vpcChanges,
});
