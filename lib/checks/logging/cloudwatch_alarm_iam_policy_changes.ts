import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_iam_policy_changes',
  title: 'A metric filter and alarm exist for IAM policy changes',
  citations: ['164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Changes to IAM policies change who can reach ePHI; reviewing them as they happen catches unauthorized grants.',
  activity: ACTIVITIES.iamPolicyChanges,
});
