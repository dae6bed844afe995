import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers/buckets.js';

export const check = defineCheck({
  id: 's3_bucket_access_logging_enabled',
  title: 'S3 buckets write server access logs',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Server access logs record who read or changed objects. (CloudTrail S3 data events are an alternative this check does not see.)',
  remediation:
    'aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<bucket>/"}}\'',
  evaluate: (snapshot) =>
    perBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.logging, resource, (logging) => [
        logging.targetBucket
          ? pass(resource, `Bucket ${bucket.name} writes access logs to ${logging.targetBucket}`)
          : fail(resource, `Bucket ${bucket.name} has server access logging disabled`),
      ]),
    ),
});
