import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers/buckets.js';

export const check = defineCheck({
  id: 's3_bucket_versioning_enabled',
  title: 'S3 buckets keep object versions',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale: 'Versioning keeps prior copies so ePHI overwritten or deleted by mistake or malice can be recovered.',
  remediation: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
  evaluate: (snapshot) =>
    perBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.versioning, resource, (v) => [
        v.status === 'Enabled'
          ? pass(resource, `Bucket ${bucket.name} has versioning enabled`)
          : fail(resource, `Bucket ${bucket.name} versioning is ${v.status ? v.status.toLowerCase() : 'not enabled'}`),
      ]),
    ),
});
