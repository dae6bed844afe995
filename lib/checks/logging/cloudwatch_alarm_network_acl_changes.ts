import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_network_acl_changes',
  title: 'A metric filter and alarm exist for network ACL changes',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Network ACLs are the subnet-level filter around ePHI systems; a changed entry can expose a whole subnet.',
  activity: ACTIVITIES.networkAclChanges,
});
