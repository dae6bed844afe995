import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers/buckets.js';

export const check = defineCheck({
  id: 's3_bucket_default_encryption',
  title: 'S3 buckets encrypt new objects by default',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale: 'Default encryption ensures ePHI written to the bucket is encrypted at rest without relying on each client.',
  remediation:
    'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}\'',
  evaluate: (snapshot) =>
    perBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.encryption, resource, (enc) => [
        enc
          ? pass(resource, `Bucket ${bucket.name} encrypts new objects by default (${enc.algorithms.join(', ')})`)
          : fail(resource, `Bucket ${bucket.name} has no default encryption configuration`),
      ]),
    ),
});
