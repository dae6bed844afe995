import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { evaluateTrailBucket } from './helpers/trail-bucket.js';

export const check = defineCheck({
  id: 'cloudtrail_bucket_access_logging',
  title: 'The S3 bucket a CloudTrail trail delivers to has server access logging',
  service: 'cloudtrail',
  reads: ['logging', 'storage'],
  citations: ['164.312(b)', '164.312(c)(1)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale:
    'CloudTrail does not record who reads or deletes its own log files (object-level access to the trail bucket); ' +
    'server access logging on that bucket does, so tampering with the audit trail leaves a record. Same semantics as ' +
    'Prowler cloudtrail_logs_s3_bucket_access_logging_enabled (logging enabled on the trail bucket); a bucket in another ' +
    'account is NOT_APPLICABLE here rather than a manual review.',
  remediation:
    'aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status ' +
    '\'{"LoggingEnabled":{"TargetBucket":"<access-log-bucket>","TargetPrefix":"<trail-bucket>/"}}\'',
  evaluate: (snapshot) =>
    evaluateTrailBucket(snapshot, (bucket, trail, resource) => {
      const logging = bucket.logging;
      if (logging.error) {
        return errorResult(resource, `Could not read access logging of bucket ${bucket.name} of trail ${trail.name}: ${logging.error.operation} failed with ${logging.error.code}`);
      }
      if (logging.data.targetBucket) {
        return pass(resource, `Bucket ${bucket.name} of trail ${trail.name} logs access to ${logging.data.targetBucket}`);
      }
      return fail(resource, `Bucket ${bucket.name} of trail ${trail.name} has no server access logging`);
    }),
});
