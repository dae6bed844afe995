import { defineMetricAlarmCheck } from './helpers/metric-alarms.js';
import { ACTIVITIES } from './helpers/monitored-activities.js';

export const check = defineMetricAlarmCheck({
  id: 'cloudwatch_alarm_s3_bucket_policy_changes',
  title: 'A metric filter and alarm exist for S3 bucket policy changes',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale: 'Bucket policies, ACLs, CORS, lifecycle and replication decide who can read ePHI in S3 and where copies go; changes should be reviewed as they happen.',
  activity: ACTIVITIES.s3BucketPolicyChanges,
});
