import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { evaluateEachTrail } from './helpers/trails.js';

export const check = defineCheck({
  id: 'cloudtrail_kms_encryption',
  title: 'CloudTrail log files are encrypted with a KMS key (SSE-KMS)',
  service: 'cloudtrail',
  reads: ['logging'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'Audit logs can contain identifiers and request parameters; SSE-KMS adds a key policy and an auditable ' +
    'decrypt trail on top of bucket permissions.',
  remediation:
    'aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn> (the key policy must allow cloudtrail.amazonaws.com) ' +
    '(Console: CloudTrail > Trails > <trail> > General details > Edit > Log file SSE-KMS encryption).',
  evaluate: (snapshot) =>
    evaluateEachTrail(snapshot, (trail, resource) =>
      trail.kmsKeyId
        ? pass(resource, `Trail ${trail.name} encrypts log files with KMS key ${trail.kmsKeyId}`)
        : fail(resource, `Trail ${trail.name} does not encrypt log files with a KMS key`),
    ),
});
