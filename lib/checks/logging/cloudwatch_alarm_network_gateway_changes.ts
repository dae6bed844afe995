import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_network_gateway_changes',
  title: 'A metric filter and alarm exist for network gateway changes',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Internet and customer gateways are the only ways traffic enters or leaves a VPC; a new or re-attached gateway opens a path to ePHI.',
  activity: ACTIVITIES.networkGatewayChanges,
});
