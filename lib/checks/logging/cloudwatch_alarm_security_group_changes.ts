import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_security_group_changes',
  title: 'A metric filter and alarm exist for security group changes',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Security groups are the firewall in front of every system holding ePHI; an opened port should be seen the moment it opens.',
  activity: ACTIVITIES.securityGroupChanges,
});
