import type { CheckResult } from '../types.js';
import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'firehose_delivery_stream_encrypted',
  title: 'Firehose delivery streams use server-side encryption',
  service: 'firehose',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'Firehose buffers records before delivery; server-side encryption protects that buffer (AWS Config kinesis-firehose-delivery-stream-encrypted: encryption status ENABLED). As Prowler firehose_stream_encrypted_at_rest, a stream whose source is a Kinesis data stream cannot use Firehose SSE and is judged by the source stream\'s encryption instead.',
  remediation: 'aws firehose start-delivery-stream-encryption --delivery-stream-name <name> --delivery-stream-encryption-configuration-input KeyType=CUSTOMER_MANAGED_CMK,KeyARN=<kms-key-arn>',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.deliveryStreams, 'Firehose delivery streams', (stream, region) => {
      const resource = dataResource(snapshot, stream.arn, stream.name, 'AWS::KinesisFirehose::DeliveryStream', region);
      return withResourceDetail(stream.details, resource, 'the delivery stream', (details): CheckResult => {
        if (details.encryptionStatus === 'ENABLED') {
          return pass(resource, `Firehose stream ${stream.name} is encrypted (${details.keyType ?? 'key type not reported'})`);
        }
        if (details.sourceStreamArn === null) return fail(resource, `Firehose stream ${stream.name} is not encrypted (status ${details.encryptionStatus ?? 'none'})`);
        const source = snapshot.data.regions[region]?.kinesisStreams;
        if (!source || source.error) return errorResult(resource, `Could not assess Firehose stream ${stream.name}: its source stream ${details.sourceStreamArn} could not be read`);
        const sourceStream = source.data.find((s) => s.arn === details.sourceStreamArn);
        if (!sourceStream || sourceStream.encryption.error) {
          return errorResult(resource, `Could not assess Firehose stream ${stream.name}: its source stream ${details.sourceStreamArn} was not described`);
        }
        return sourceStream.encryption.data.encryptionType === 'KMS'
          ? pass(resource, `Firehose stream ${stream.name} reads from encrypted Kinesis stream ${sourceStream.name}`)
          : fail(resource, `Firehose stream ${stream.name} reads from unencrypted Kinesis stream ${sourceStream.name}`);
      });
    }),
});
