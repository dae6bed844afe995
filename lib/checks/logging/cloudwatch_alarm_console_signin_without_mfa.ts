import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_console_signin_without_mfa',
  title: 'A metric filter and alarm exist for console sign-in without MFA',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(C)', '164.312(d)'],
  severity: 'high',
  rationale: 'A console sign-in without MFA rests on a password alone; each one shows where person or entity authentication is weaker than intended.',
  activity: ACTIVITIES.consoleSignInWithoutMfa,
});
