import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_cluster_backup_retention',
  title: 'Aurora and Multi-AZ DB clusters keep automated backups long enough',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  severity: 'medium',
  rationale:
    "A cluster's continuous backups allow point-in-time restore for BackupRetentionPeriod days; it must meet the configured minimum (thresholds.backupRetentionDays, the same as rds_instance_backup_retention). Clusters cannot turn automated backups off (minimum 1 day).",
  remediation: 'aws rds modify-db-cluster --db-cluster-identifier <id> --backup-retention-period <days> --apply-immediately',
  evaluate: (snapshot, _now, thresholds) =>
    eachStorageItem(snapshot, (r) => r.dbClusters, 'DB clusters', (c, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBCluster', c.id, c.arn);
      const min = thresholds.backupRetentionDays;
      return [
        c.backupRetentionPeriod >= min
          ? pass(resource, `DB cluster ${c.id} keeps automated backups for ${c.backupRetentionPeriod} days (minimum ${min})`)
          : fail(resource, `DB cluster ${c.id} keeps automated backups for ${c.backupRetentionPeriod} days, below the minimum of ${min}`),
      ];
    }),
});
