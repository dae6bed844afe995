import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { logGroupResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'cloudwatch_log_group_kms_encryption',
  title: 'CloudWatch Logs log groups are encrypted with a customer-managed KMS key',
  service: 'logs',
  reads: ['logging'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'Application and audit logs frequently capture ePHI by accident; a KMS key puts decryption under a key policy ' +
    'and records every use of the key.',
  remediation:
    'aws logs associate-kms-key --log-group-name <group> --kms-key-id <key-arn> (the key policy must allow logs.<region>.amazonaws.com) ' +
    '(Console: CloudWatch > Log groups > <group> > Actions > Edit > KMS key ARN).',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.logging.regions, (r) => r.logGroups, 'CloudWatch Logs log groups', (group, region) => {
      const resource = logGroupResource(group, region, snapshot);
      return [
        group.kmsKeyId
          ? pass(resource, `Log group ${group.name} is encrypted with KMS key ${group.kmsKeyId}`)
          : fail(resource, `Log group ${group.name} is not encrypted with a KMS key`),
      ];
    }),
});
