import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_cluster_snapshot_encrypted',
  title: 'DB cluster manual snapshots are encrypted',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)', '164.310(d)(2)(iv)'],
  severity: 'high',
  rationale:
    'A cluster snapshot is a full copy of the database; unencrypted, it is ePHI at rest without encryption (AWS Config rds-snapshot-encrypted covers DB and cluster snapshots; Prowler rds_snapshots_encrypted).',
  remediation:
    'aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier <id> --target-db-cluster-snapshot-identifier <id>-encrypted --kms-key-id <key>, then aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier <id>',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbClusterSnapshots, 'DB cluster manual snapshots', (s, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBClusterSnapshot', s.id, s.arn);
      return [
        s.encrypted
          ? pass(resource, `DB cluster snapshot ${s.id} is encrypted`)
          : fail(resource, `DB cluster snapshot ${s.id} of cluster ${s.clusterId} is not encrypted`),
      ];
    }),
});
