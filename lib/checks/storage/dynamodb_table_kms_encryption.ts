import { fail, pass, resourceRef, withCollected } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'dynamodb_table_kms_encryption',
  title: 'DynamoDB tables are encrypted with a KMS key in the account',
  service: 'dynamodb',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  // Low: every DynamoDB table is encrypted at rest; the default AWS owned key just gives the
  // account no key policy, no CloudTrail record of key use and no way to revoke access.
  severity: 'low',
  rationale:
    'DynamoDB always encrypts at rest. With an AWS managed or customer managed KMS key, key use is logged in CloudTrail and access can be controlled or revoked; the AWS owned default key offers neither.',
  remediation:
    'aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.tables, 'DynamoDB tables', (t, region) => {
      const resource = resourceRef(snapshot, t.arn, t.name, 'AWS::DynamoDB::Table', region);
      return withCollected(t.sse, resource, (sse) => [
        sse.sseType === 'KMS'
          ? pass(resource, `DynamoDB table ${t.name} is encrypted with a KMS key${sse.status ? ` (${sse.status})` : ''}`)
          : fail(resource, `DynamoDB table ${t.name} uses the AWS owned default key, not a KMS key in the account`),
      ]);
    }),
});
