import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_cluster_snapshot_not_public',
  title: 'DB cluster manual snapshots are not public',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    'A public cluster snapshot can be restored by any AWS account, exposing the whole database (Prowler rds_snapshots_public_access, AWS Config rds-snapshots-public-prohibited).',
  remediation:
    'aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <id> --attribute-name restore --values-to-remove all',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbClusterSnapshots, 'DB cluster manual snapshots', (s, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBClusterSnapshot', s.id, s.arn);
      return withCollected(s.public, resource, (isPublic) => [
        isPublic
          ? fail(resource, `DB cluster snapshot ${s.id} can be restored by any AWS account (restore=all)`)
          : pass(resource, `DB cluster snapshot ${s.id} is not public`),
      ]);
    }),
});
