import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers/buckets.js';

export const check = defineCheck({
  id: 's3_bucket_ssl_requests_only',
  title: 'S3 bucket policies deny requests not sent over TLS',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'S3 accepts plain HTTP unless the bucket policy denies it; a Deny on aws:SecureTransport=false forces encryption in transit.',
  remediation:
    'Add a bucket policy statement: {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<bucket>","arn:aws:s3:::<bucket>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}} (S3 console > bucket > Permissions > Bucket policy).',
  evaluate: (snapshot) =>
    perBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.policy, resource, (policy) => {
        if (!policy) return [fail(resource, `Bucket ${bucket.name} has no bucket policy, so plain HTTP requests are allowed`)];
        return [
          policy.denyInsecureTransport
            ? pass(resource, `Bucket ${bucket.name} policy denies requests where aws:SecureTransport is false`)
            : fail(resource, `Bucket ${bucket.name} policy has no Deny statement on aws:SecureTransport=false`),
        ];
      }),
    ),
});
