import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_route_table_changes',
  title: 'A metric filter and alarm exist for route table changes',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'A changed route can send traffic from ePHI systems through an unexpected path; routes should change only by review.',
  activity: ACTIVITIES.routeTableChanges,
});
