import { missingBlockFlags } from '../storage/helpers/public-access-block.js';
import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { evaluateTrailBucket } from './helpers/trail-bucket.js';

export const check = defineCheck({
  id: 'cloudtrail_bucket_not_public',
  title: 'The S3 bucket a CloudTrail trail delivers to is not public',
  service: 'cloudtrail',
  reads: ['logging', 'storage'],
  citations: ['164.312(b)', '164.312(c)(1)', '164.308(a)(1)(ii)(D)'],
  severity: 'critical',
  rationale:
    'The audit trail maps every system and identity in the account; public, it guides an attacker, and a public write ' +
    'grant lets records be altered (integrity, 164.312(c)(1)). PASS needs all four Block Public Access settings on the ' +
    'bucket or the account, which neutralize public ACLs and policies now and later; a bucket policy allowing everyone ' +
    'without a condition is named in the FAIL. Prowler cloudtrail_logs_s3_bucket_is_not_publicly_accessible looks at ' +
    'the bucket ACL instead: we do not read ACLs (one more call per bucket), so without Block Public Access we cannot ' +
    'show the bucket is private and report FAIL. A bucket in another account (an organization log archive) is NOT_APPLICABLE.',
  remediation:
    'aws s3api put-public-access-block --bucket <trail-bucket> --public-access-block-configuration ' +
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true, and remove any ' +
    'statement allowing Principal "*" from its policy (aws s3api get-bucket-policy --bucket <trail-bucket>).',
  evaluate: (snapshot) => {
    const account = snapshot.storage.accountPublicAccessBlock;
    const accountBlocks = account !== undefined && !account.error && missingBlockFlags(account.data).length === 0;
    return evaluateTrailBucket(snapshot, (bucket, trail, resource) => {
      const subject = `Bucket ${bucket.name} of trail ${trail.name}`;
      if (accountBlocks) return pass(resource, `${subject} is covered by the account-level Block Public Access`);
      const own = bucket.publicAccessBlock;
      if (own.error) {
        return errorResult(resource, `Could not read Block Public Access of bucket ${bucket.name} of trail ${trail.name}: ${own.error.operation} failed with ${own.error.code}`);
      }
      const missing = missingBlockFlags(own.data);
      if (missing.length === 0) return pass(resource, `${subject} blocks all public access`);
      if (account?.error) {
        return errorResult(resource, `${subject} lacks ${missing.join(', ')} and the account-level setting could not be read (${account.error.code})`);
      }
      const policy = bucket.policy;
      if (policy.error) {
        return errorResult(resource, `${subject} lacks ${missing.join(', ')} and its policy could not be read: ${policy.error.operation} failed with ${policy.error.code}`);
      }
      // policy.data null: the bucket has no policy, so nothing in it can be public.
      const publicStatement = policy.data === null ? null : policy.data.publicStatement;
      const detail = publicStatement ? `; its policy allows everyone in ${publicStatement}` : '';
      return fail(resource, `${subject} is not covered by Block Public Access (missing ${missing.join(', ')})${detail}`);
    });
  },
});
