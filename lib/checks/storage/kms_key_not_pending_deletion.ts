import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDescribedKmsKey } from './helpers/kms-keys.js';

const DELETING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export const check = defineCheck({
  id: 'kms_key_not_pending_deletion',
  title: 'Customer managed KMS keys are not scheduled for deletion',
  service: 'kms',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)'],
  severity: 'high',
  rationale:
    'Once a key is deleted, everything encrypted under it, backups included, becomes unrecoverable. Scheduled deletions should be deliberate and reviewed.',
  remediation: 'If unintended: aws kms cancel-key-deletion --key-id <key-id> && aws kms enable-key --key-id <key-id>',
  evaluate: (snapshot) =>
    eachDescribedKmsKey(snapshot, 'customer managed KMS keys', (key, d, resource) => {
      if (d.keyManager !== 'CUSTOMER') return [];
      if (DELETING.has(d.keyState)) {
        const when = d.deletionDate ? ` on ${d.deletionDate.slice(0, 10)}` : '';
        return [fail(resource, `KMS key ${key.id} is scheduled for deletion${when}`)];
      }
      return [pass(resource, `KMS key ${key.id} is not scheduled for deletion (${d.keyState})`)];
    }),
});
