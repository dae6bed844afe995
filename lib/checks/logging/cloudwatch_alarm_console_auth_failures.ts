import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_console_auth_failures',
  title: 'A metric filter and alarm exist for console sign-in failures',
  citations: ['164.308(a)(5)(ii)(C)'],
  severity: 'medium',
  rationale: 'Log-in monitoring means noticing repeated failed sign-ins, the signature of password guessing.',
  activity: ACTIVITIES.consoleAuthFailures,
});
