import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachBucket } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 's3_bucket_noncurrent_version_lifecycle',
  title: 'Versioned S3 buckets manage noncurrent versions with a lifecycle rule',
  service: 's3',
  reads: ['storage'],
  citations: ['164.310(d)(2)(iv)', '164.308(a)(7)(ii)(A)'],
  severity: 'low',
  rationale:
    'Versioning keeps every overwritten or deleted object; a lifecycle rule that expires or transitions noncurrent versions keeps that retained ePHI to a decided period instead of forever (AWS Config s3-lifecycle-policy-check asks for a lifecycle rule; we ask specifically for one acting on noncurrent versions of versioned buckets). Buckets that were never versioned are NOT_APPLICABLE.',
  remediation:
    'aws s3api put-bucket-lifecycle-configuration --bucket <bucket> --lifecycle-configuration \'{"Rules":[{"ID":"noncurrent","Status":"Enabled","Filter":{},"NoncurrentVersionExpiration":{"NoncurrentDays":<days>}}]}\'',
  evaluate: (snapshot) =>
    eachBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.versioning, resource, ({ status }) => {
        if (status === null || bucket.lifecycle === null) return [notApplicable(resource, `Bucket ${bucket.name} was never versioned`)];
        return withCollected(bucket.lifecycle, resource, (rules) => {
          if (rules === null) return [fail(resource, `Bucket ${bucket.name} (versioning ${status}) has no lifecycle configuration`)];
          const rule = rules.find((r) => r.enabled && (r.noncurrentExpirationDays !== null || r.noncurrentTransitions > 0));
          if (!rule) return [fail(resource, `Bucket ${bucket.name} (versioning ${status}) has no enabled lifecycle rule for noncurrent versions`)];
          const what = rule.noncurrentExpirationDays !== null ? `expires them after ${rule.noncurrentExpirationDays} days` : 'transitions them';
          return [pass(resource, `Bucket ${bucket.name} lifecycle rule ${rule.id ?? '(unnamed)'} ${what}`)];
        });
      }),
    ),
});
