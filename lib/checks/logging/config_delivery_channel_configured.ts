import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachRegion } from '../kit/regions.js';

export const check = defineCheck({
  id: 'config_delivery_channel_configured',
  title: 'AWS Config has a delivery channel',
  service: 'config',
  reads: ['logging'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale: 'Without a delivery channel the recorder cannot run and configuration history and snapshots are not retained in S3.',
  remediation:
    'aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<bucket> ' +
    '(Console: AWS Config > Settings > Delivery method).',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.deliveryChannels, scope, (channels) => {
        const channel = channels[0];
        if (!channel) return [fail(scope, `No AWS Config delivery channel in ${region}`)];
        const bucket = channel.s3BucketName ? ` to S3 bucket ${channel.s3BucketName}` : '';
        return [pass(scope, `AWS Config delivery channel ${channel.name} in ${region} delivers${bucket}`)];
      }),
    ),
});
