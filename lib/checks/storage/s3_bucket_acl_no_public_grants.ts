import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachBucket } from './helpers/depth-scope.js';
import { FLAG_NAMES, neutralisedBy } from './helpers/public-access-block.js';

export const check = defineCheck({
  id: 's3_bucket_acl_no_public_grants',
  title: 'S3 bucket ACLs grant nothing to AllUsers or AuthenticatedUsers',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    "Evaluates the bucket ACL's grants, not only Block Public Access: a grant to AllUsers (anyone) or AuthenticatedUsers (any AWS account) is public; READ/READ_ACP are read access, WRITE/WRITE_ACP/FULL_CONTROL write. With ACLs disabled (ObjectOwnership BucketOwnerEnforced) grants have no effect and the ACL is not read. As in AWS Config s3-bucket-public-read-prohibited / -write-prohibited and Prowler s3_bucket_public_access, IgnorePublicAcls (bucket or account) neutralises public grants: PASS, with the grant named in the reason.",
  remediation:
    'aws s3api put-bucket-acl --bucket <bucket> --acl private; better, disable ACLs: aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
  evaluate: (snapshot) =>
    eachBucket(snapshot, (bucket, resource) => {
      if (bucket.acl === null) return [pass(resource, `Bucket ${bucket.name} has ACLs disabled (BucketOwnerEnforced)`)];
      return withCollected(bucket.acl, resource, ({ publicGrants }) => {
        if (publicGrants.length === 0) return [pass(resource, `Bucket ${bucket.name} ACL has no AllUsers or AuthenticatedUsers grant`)];
        const named = publicGrants.map((g) => `${g.grantee} ${g.permission}`).join(', ');
        const block = neutralisedBy(bucket, snapshot.storage.accountPublicAccessBlock, 'ignorePublicAcls');
        if (block.by) return [pass(resource, `Bucket ${bucket.name} ACL grants ${named}, but ${block.by}-level ${FLAG_NAMES.ignorePublicAcls} ignores it`)];
        if (block.error) return [errorResult(resource, `Bucket ${bucket.name} ACL grants ${named}; could not tell whether Block Public Access ignores it: ${block.error}`)];
        return [fail(resource, `Bucket ${bucket.name} ACL grants ${named}`)];
      });
    }),
});
