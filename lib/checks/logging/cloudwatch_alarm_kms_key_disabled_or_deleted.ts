import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_kms_key_disabled_or_deleted',
  title: 'A metric filter and alarm exist for disabling or scheduled deletion of KMS keys',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale: 'Disabling or deleting a customer-managed key makes the ePHI encrypted under it unreadable; the 7-30 day deletion window is only useful if someone is told.',
  activity: ACTIVITIES.kmsKeyDisabledOrDeleted,
});
