import { fail, pass, resourceRef, withCollected } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'sns_topic_encrypted',
  title: 'SNS topics use server-side encryption',
  service: 'sns',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale: 'Messages can carry ePHI and are stored until delivered; SSE with KMS encrypts them at rest.',
  remediation: 'aws sns set-topic-attributes --topic-arn <arn> --attribute-name KmsMasterKeyId --attribute-value alias/aws/sns',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.topics, 'SNS topics', (topic, region) => {
      const resource = resourceRef(snapshot, topic.arn, topic.name, 'AWS::SNS::Topic', region);
      return withCollected(topic.kmsMasterKeyId, resource, (keyId) => [
        keyId
          ? pass(resource, `SNS topic ${topic.name} is encrypted with ${keyId}`)
          : fail(resource, `SNS topic ${topic.name} has no server-side encryption`),
      ]);
    }),
});
