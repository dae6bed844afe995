import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDescribedKmsKey } from './helpers/kms-keys.js';

export const check = defineCheck({
  id: 'kms_key_rotation_enabled',
  title: 'Customer managed KMS keys rotate automatically',
  service: 'kms',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'Automatic rotation limits how much data any one key version protects. Applies to enabled, symmetric, KMS-generated customer managed keys (the only ones that support it).',
  remediation: 'aws kms enable-key-rotation --key-id <key-id> (KMS console > key > Key rotation).',
  evaluate: (snapshot) =>
    eachDescribedKmsKey(snapshot, 'customer managed KMS keys that support rotation', (key, _details, resource) => {
      const rotation = key.rotationEnabled;
      if (rotation === null) return []; // not a key rotation applies to
      return withCollected(rotation, resource, (enabled) => [
        enabled
          ? pass(resource, `KMS key ${key.id} has automatic rotation enabled`)
          : fail(resource, `KMS key ${key.id} does not rotate automatically`),
      ]);
    }),
});
