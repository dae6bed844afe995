import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachBucket } from './helpers/depth-scope.js';
import { FLAG_NAMES, neutralisedBy } from './helpers/public-access-block.js';

export const check = defineCheck({
  id: 's3_bucket_policy_no_public_access',
  title: 'S3 bucket policies do not grant public read or write access',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    "Evaluates each bucket policy statement, not only Block Public Access: an Allow to Principal * (or AWS *) without a condition that pins the requester to fixed accounts, organizations, VPCs, VPC endpoints, source ARNs or IP ranges is public (S3's own definition of public). As in AWS Config s3-bucket-public-read-prohibited / s3-bucket-public-write-prohibited and Prowler s3_bucket_public_access, RestrictPublicBuckets (on the bucket or the account) neutralises such a statement: the result is PASS and the reason still names the statement, so removing Block Public Access would not expose data unnoticed.",
  remediation:
    'Remove or restrict the named statement (add a Condition on aws:PrincipalOrgID, aws:SourceVpce or aws:SourceIp): aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json; and keep Block Public Access on: aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  evaluate: (snapshot) =>
    eachBucket(snapshot, (bucket, resource) =>
      withCollected(bucket.publicPolicyStatements, resource, (statements) => {
        if (statements === null) return [pass(resource, `Bucket ${bucket.name} has no bucket policy`)];
        if (statements.length === 0) return [pass(resource, `Bucket ${bucket.name} policy grants nothing to everyone without a restricting condition`)];
        const named = statements.map((s) => `statement ${s.label} allows public ${s.access} (${s.actions.join(', ')})`).join('; ');
        const block = neutralisedBy(bucket, snapshot.storage.accountPublicAccessBlock, 'restrictPublicBuckets');
        if (block.by) {
          return [pass(resource, `Bucket ${bucket.name} policy ${named}, but ${block.by}-level ${FLAG_NAMES.restrictPublicBuckets} blocks it`)];
        }
        if (block.error) return [errorResult(resource, `Bucket ${bucket.name} policy ${named}; could not tell whether Block Public Access stops it: ${block.error}`)];
        return [fail(resource, `Bucket ${bucket.name} policy ${named}`)];
      }),
    ),
});
