import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'secretsmanager_secret_rotation_enabled',
  title: 'Secrets Manager secrets rotate automatically',
  service: 'secretsmanager',
  reads: ['data'],
  citations: ['164.308(a)(5)(ii)(D)', '164.312(d)'],
  severity: 'medium',
  rationale:
    'Database and service passwords that never change stay valid for anyone who ever saw them. Same semantics as AWS Config secretsmanager-rotation-enabled-check (automatic rotation on; the optional maximum frequency is not set).',
  remediation:
    'aws secretsmanager rotate-secret --secret-id <secret-arn> --rotation-lambda-arn <rotation-function-arn> --rotation-rules AutomaticallyAfterDays=<days> (or, for RDS, --manage-master-user-password on the database).',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.secrets, 'Secrets Manager secrets', (secret, region) => {
      const resource = dataResource(snapshot, secret.arn, secret.name, 'AWS::SecretsManager::Secret', region);
      if (!secret.rotationEnabled) return [fail(resource, `Secret ${secret.name} does not rotate automatically`)];
      const every = secret.rotationDays !== null ? `every ${secret.rotationDays} days` : `on schedule ${secret.rotationSchedule ?? 'not reported'}`;
      return [pass(resource, `Secret ${secret.name} rotates automatically ${every}`)];
    }),
});
