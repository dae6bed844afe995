import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { matchesIamPolicyChanges } from './helpers/metric-patterns.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_iam_policy_changes',
  title: 'A metric filter and alarm exist for IAM policy changes',
  citations: ['164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Changes to IAM policies change who can reach ePHI; reviewing them as they happen catches unauthorized grants.',
  subject: 'IAM policy changes',
  cisPattern:
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||' +
    '($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||' +
    '($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||' +
    '($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  matches: matchesIamPolicyChanges,
});
