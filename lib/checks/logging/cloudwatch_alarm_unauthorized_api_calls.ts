import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_unauthorized_api_calls',
  title: 'A metric filter and alarm exist for unauthorized API calls',
  citations: ['164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Bursts of denied API calls reveal probing with stolen or over-scoped credentials.',
  activity: ACTIVITIES.unauthorizedApiCalls,
});
