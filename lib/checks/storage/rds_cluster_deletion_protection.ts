import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_cluster_deletion_protection',
  title: 'Aurora and Multi-AZ DB clusters have deletion protection',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale:
    'Deletion protection stops the cluster and its storage being destroyed by one API call (Prowler rds_cluster_deletion_protection, AWS Config rds-cluster-deletion-protection-enabled).',
  remediation: 'aws rds modify-db-cluster --db-cluster-identifier <id> --deletion-protection --apply-immediately',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbClusters, 'DB clusters', (c, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBCluster', c.id, c.arn);
      return [
        c.deletionProtection
          ? pass(resource, `DB cluster ${c.id} has deletion protection on`)
          : fail(resource, `DB cluster ${c.id} has deletion protection off`),
      ];
    }),
});
