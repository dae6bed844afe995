import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'kinesis_stream_encrypted',
  title: 'Kinesis data streams use server-side encryption',
  service: 'kinesis',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'Records wait in the stream for up to its retention period; server-side encryption with KMS protects them at rest (AWS Config kinesis-stream-encrypted, Prowler kinesis_stream_encrypted_at_rest).',
  remediation: 'aws kinesis start-stream-encryption --stream-name <name> --encryption-type KMS --key-id <kms-key-arn-or-alias/aws/kinesis>',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.kinesisStreams, 'Kinesis data streams', (stream, region) => {
      const resource = dataResource(snapshot, stream.arn, stream.name, 'AWS::Kinesis::Stream', region);
      return withResourceDetail(stream.encryption, resource, 'the stream summary', (encryption) =>
        encryption.encryptionType === 'KMS'
          ? pass(resource, `Kinesis stream ${stream.name} is encrypted with KMS key ${encryption.keyId ?? 'unknown'}`)
          : fail(resource, `Kinesis stream ${stream.name} is not encrypted (encryption type ${encryption.encryptionType})`),
      );
    }),
});
