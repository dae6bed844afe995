import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { perRegionItems, resourceRef } from './helpers.js';

export const check = defineCheck({
  id: 'kms_key_rotation_enabled',
  title: 'Customer managed KMS keys rotate automatically',
  service: 'kms',
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'Automatic rotation limits how much data any one key version protects. Applies to enabled, symmetric, KMS-generated customer managed keys (the only ones that support it).',
  remediation: 'aws kms enable-key-rotation --key-id <key-id> (KMS console > key > Key rotation).',
  evaluate: (snapshot) =>
    perRegionItems(snapshot, (r) => r.kmsKeys, 'customer managed KMS keys that support rotation', (key, region) => {
      const resource = resourceRef(snapshot, key.arn, key.id, 'AWS::KMS::Key', region);
      // Unknown key type: fail closed rather than silently skip it.
      if (key.details.error) return [errorResult(resource, `Could not describe KMS key ${key.id}: ${key.details.error.code}.`)];
      const rotation = key.rotationEnabled;
      if (rotation === null) return []; // not a key rotation applies to
      if (rotation.error) return [errorResult(resource, `Could not read rotation status of KMS key ${key.id}: ${rotation.error.code}.`)];
      return [
        rotation.data
          ? pass(resource, `KMS key ${key.id} has automatic rotation enabled.`)
          : fail(resource, `KMS key ${key.id} does not rotate automatically.`),
      ];
    }),
});
