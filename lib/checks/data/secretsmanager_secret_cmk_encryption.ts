import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'secretsmanager_secret_cmk_encryption',
  title: 'Secrets Manager secrets are encrypted with a customer managed KMS key',
  service: 'secretsmanager',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'low',
  rationale:
    'With a customer managed key the key policy decides who may decrypt a secret, independent of Secrets Manager permissions, and can be revoked. As AWS Config secretsmanager-using-cmk, a secret without a KmsKeyId or with an aws/ alias uses the AWS managed key aws/secretsmanager and fails; a key ARN is taken as customer managed.',
  remediation: 'aws secretsmanager update-secret --secret-id <secret-arn> --kms-key-id <customer-managed-key-arn>',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.secrets, 'Secrets Manager secrets', (secret, region) => {
      const resource = dataResource(snapshot, secret.arn, secret.name, 'AWS::SecretsManager::Secret', region);
      const key = secret.kmsKeyId;
      if (key === null || key.startsWith('alias/aws/')) {
        return [fail(resource, `Secret ${secret.name} is encrypted with the AWS managed key aws/secretsmanager`)];
      }
      return [pass(resource, `Secret ${secret.name} is encrypted with customer managed KMS key ${key}`)];
    }),
});
