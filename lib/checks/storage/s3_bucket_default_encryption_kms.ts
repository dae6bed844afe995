import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachBucket } from './helpers/depth-scope.js';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

export const check = defineCheck({
  id: 's3_bucket_default_encryption_kms',
  title: 'S3 buckets encrypt new objects with KMS keys by default',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'SSE-KMS (aws:kms or aws:kms:dsse) puts every decryption behind a KMS key policy and records it in CloudTrail, unlike SSE-S3 (AES256). Same as AWS Config s3-default-encryption-kms in the HIPAA pack; s3_bucket_default_encryption accepts either.',
  remediation:
    'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},"BucketKeyEnabled":true}]}\'',
  evaluate: (snapshot) =>
    eachBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.encryption, resource, (encryption) => {
        if (!encryption) return [fail(resource, `Bucket ${bucket.name} has no default encryption configuration`)];
        const kms = encryption.algorithms.find((a) => KMS_ALGORITHMS.includes(a));
        return [
          kms
            ? pass(resource, `Bucket ${bucket.name} encrypts by default with ${kms}`)
            : fail(resource, `Bucket ${bucket.name} encrypts by default with ${encryption.algorithms.join(', ')}, not a KMS key`),
        ];
      }),
    ),
});
