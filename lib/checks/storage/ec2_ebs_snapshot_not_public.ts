import { fail, pass, resourceRef, withCollected } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'ec2_ebs_snapshot_not_public',
  title: 'EBS snapshots are not public',
  service: 'ec2',
  reads: ['storage'],
  citations: ['164.312(a)(1)'],
  severity: 'critical',
  rationale: 'A public snapshot lets any AWS account create a volume holding the data.',
  remediation:
    'aws ec2 modify-snapshot-attribute --snapshot-id <id> --attribute createVolumePermission --operation-type remove --group-names all',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.snapshots, 'EBS snapshots', (s, region) => {
      const resource = resourceRef(snapshot, s.arn, s.id, 'AWS::EC2::Snapshot', region);
      return withCollected(s.public, resource, (isPublic) => [
        isPublic
          ? fail(resource, `EBS snapshot ${s.id} can be restored by any AWS account (group all)`)
          : pass(resource, `EBS snapshot ${s.id} is not public`),
      ]);
    }),
});
