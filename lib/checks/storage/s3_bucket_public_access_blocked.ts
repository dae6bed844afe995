import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perBucket } from './helpers/buckets.js';
import { missingBlockFlags } from './helpers/public-access-block.js';

export const check = defineCheck({
  id: 's3_bucket_public_access_blocked',
  title: 'S3 buckets are covered by all four Block Public Access settings',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(a)(1)'],
  severity: 'critical',
  rationale:
    'With all four Block Public Access flags on (on the bucket or the whole account), no ACL or policy can expose the bucket publicly.',
  remediation:
    'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  evaluate: (snapshot) => {
    const account = snapshot.storage.accountPublicAccessBlock;
    const accountBlocks = account !== undefined && !account.error && missingBlockFlags(account.data).length === 0;
    return perBucket(snapshot, (bucket, resource) => {
      if (accountBlocks) return [pass(resource, `Bucket ${bucket.name} is covered by the account-level Block Public Access`)];
      const own = bucket.publicAccessBlock;
      if (own.error) {
        return [errorResult(resource, `Could not read Block Public Access for bucket ${bucket.name}: ${own.error.operation} failed with ${own.error.code}`)];
      }
      const missing = missingBlockFlags(own.data);
      if (missing.length === 0) return [pass(resource, `Bucket ${bucket.name} blocks all public access`)];
      // Without the account setting we cannot tell whether it would have covered the gap.
      if (account?.error) {
        return [errorResult(resource, `Bucket ${bucket.name} lacks ${missing.join(', ')} and the account-level setting could not be read (${account.error.code})`)];
      }
      return [fail(resource, `Bucket ${bucket.name} lacks ${missing.join(', ')} at bucket and account level`)];
    });
  },
});
