import { accountResource, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { missingBlockFlags } from './helpers/public-access-block.js';

export const check = defineCheck({
  id: 's3_account_public_access_block',
  title: 'S3 Block Public Access is on for the whole account',
  service: 's3',
  reads: ['storage'],
  citations: ['164.312(a)(1)'],
  severity: 'high',
  rationale: 'The account-level setting also protects buckets created later, before anyone configures them.',
  remediation:
    'aws s3control put-public-access-block --account-id <account> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  evaluate: (snapshot) => {
    const resource = accountResource(snapshot.accountId, snapshot.partition);
    return withCollected(snapshot.storage.accountPublicAccessBlock, resource, (block) => {
      const missing = missingBlockFlags(block);
      if (missing.length === 0) return [pass(resource, `Account ${snapshot.accountId} blocks all S3 public access`)];
      return [fail(resource, `Account ${snapshot.accountId} S3 Block Public Access lacks ${missing.join(', ')}`)];
    });
  },
});
