import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachBucket } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 's3_bucket_acls_disabled',
  title: 'S3 buckets have ACLs disabled (object ownership BucketOwnerEnforced)',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(a)(1)'],
  severity: 'medium',
  rationale:
    "With ObjectOwnership BucketOwnerEnforced, ACLs are ignored and access is decided by policies alone, so no object or bucket ACL can open ePHI (Security Hub S3.12, Prowler s3_bucket_acl_prohibited). AWS Config s3-bucket-acl-prohibited flags buckets whose ACLs grant access to others; disabling ACLs is the condition under which that can never happen, so we require it.",
  remediation:
    'aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
  evaluate: (snapshot) =>
    eachBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.ownership, resource, (ownership) => [
        ownership === 'BucketOwnerEnforced'
          ? pass(resource, `Bucket ${bucket.name} has ACLs disabled (BucketOwnerEnforced)`)
          : fail(resource, `Bucket ${bucket.name} has ACLs enabled (object ownership ${ownership ?? 'not set'})`),
      ]),
    ),
});
