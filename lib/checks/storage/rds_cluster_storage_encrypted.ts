import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_cluster_storage_encrypted',
  title: 'Aurora and Multi-AZ DB clusters encrypt their storage',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'A cluster\'s shared storage holds all of its data, backups and snapshots; without storage encryption all of it is ePHI at rest in the clear (Prowler rds_cluster_storage_encrypted; AWS Config rds-storage-encrypted covers instances only). Encryption can only be chosen at creation.',
  remediation:
    'Snapshot the cluster (aws rds create-db-cluster-snapshot), copy the snapshot with --kms-key-id <key>, restore a new cluster from the encrypted copy (aws rds restore-db-cluster-from-snapshot) and switch clients to it.',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbClusters, 'DB clusters', (c, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBCluster', c.id, c.arn);
      return [
        c.storageEncrypted
          ? pass(resource, `DB cluster ${c.id} (${c.engine}) encrypts its storage`)
          : fail(resource, `DB cluster ${c.id} (${c.engine}) storage is not encrypted`),
      ];
    }),
});
