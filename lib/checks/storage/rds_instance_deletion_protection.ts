import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_instance_deletion_protection',
  title: 'RDS DB instances have deletion protection',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale:
    'Deletion protection stops the database, and with it ePHI, being destroyed by one mistaken or malicious API call (AWS Config rds-instance-deletion-protection-enabled, Prowler rds_instance_deletion_protection). Cluster members are protected at cluster level (rds_cluster_deletion_protection).',
  remediation: 'aws rds modify-db-instance --db-instance-identifier <id> --deletion-protection --apply-immediately',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbInstances, 'stand-alone RDS DB instances', (db, region) => {
      if (db.clusterId) return [];
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBInstance', db.id, db.arn);
      return [
        db.deletionProtection
          ? pass(resource, `RDS instance ${db.id} has deletion protection on`)
          : fail(resource, `RDS instance ${db.id} has deletion protection off`),
      ];
    }),
});
