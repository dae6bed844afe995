import { fail, pass, resourceRef } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'ec2_ebs_volume_encrypted',
  title: 'EBS volumes are encrypted',
  service: 'ec2',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale: 'Unencrypted volumes expose ePHI at rest and in every snapshot taken from them.',
  remediation:
    'Snapshot the volume, copy the snapshot with `aws ec2 copy-snapshot --encrypted --kms-key-id <key>`, create a volume from it and swap it in.',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.volumes, 'EBS volumes', (v, region) => {
      const resource = resourceRef(snapshot, v.arn, v.id, 'AWS::EC2::Volume', region);
      return [
        v.encrypted
          ? pass(resource, `EBS volume ${v.id} is encrypted`)
          : fail(resource, `EBS volume ${v.id} (${v.state}) is not encrypted`),
      ];
    }),
});
