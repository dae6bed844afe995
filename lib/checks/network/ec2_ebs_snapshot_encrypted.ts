import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_ebs_snapshot_encrypted',
  title: 'EBS snapshots owned by the account are encrypted',
  service: 'ec2',
  reads: ['network', 'storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'A snapshot is a full copy of a volume, ePHI included, kept long after the volume is gone, copied across regions and ' +
    'shared with other accounts; unencrypted, anyone it reaches reads it. Reads the storage family\'s snapshot listing ' +
    '(DescribeSnapshots OwnerIds=self), so snapshots are listed once per region. Same semantics as Prowler ec2_ebs_snapshots_encrypted.',
  remediation:
    'aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted --kms-key-id <key-id>, ' +
    'then delete the unencrypted one: aws ec2 delete-snapshot --snapshot-id <snapshot-id>. Turn on EBS encryption by default.',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.snapshots, 'EBS snapshots', (ebs, region) => {
      const resource = networkResource(snapshot, region, 'AWS::EC2::Snapshot', ebs.id, ebs.arn);
      return [
        ebs.encrypted
          ? pass(resource, `EBS snapshot ${ebs.id} is encrypted`)
          : fail(resource, `EBS snapshot ${ebs.id} is not encrypted`),
      ];
    }),
});
