import { fail, pass, resourceRef, withCollected } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'sqs_queue_encrypted',
  title: 'SQS queues use server-side encryption',
  service: 'sqs',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale: 'Queued messages can carry ePHI; SSE-KMS or SSE-SQS encrypts them at rest.',
  remediation: 'aws sqs set-queue-attributes --queue-url <url> --attributes KmsMasterKeyId=alias/aws/sqs (or SqsManagedSseEnabled=true)',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.queues, 'SQS queues', (queue, region) => {
      const resource = resourceRef(snapshot, queue.arn, queue.name, 'AWS::SQS::Queue', region);
      return withCollected(queue.encryption, resource, (enc) => {
        if (enc.kmsMasterKeyId) return [pass(resource, `SQS queue ${queue.name} is encrypted with ${enc.kmsMasterKeyId}`)];
        if (enc.sqsManagedSse) return [pass(resource, `SQS queue ${queue.name} is encrypted with SQS-managed keys (SSE-SQS)`)];
        return [fail(resource, `SQS queue ${queue.name} has no server-side encryption`)];
      });
    }),
});
