import { fail, pass, resourceRef } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'rds_instance_backup_retention',
  title: 'RDS automated backups are kept long enough',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale:
    'Automated backups with point-in-time restore are the instance\'s data backup; the retention must meet the configured minimum (thresholds.backupRetentionDays).',
  remediation: 'aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period <days> --apply-immediately',
  evaluate: (snapshot, _now, thresholds) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.dbInstances, 'RDS DB instances', (db, region) => {
      const resource = resourceRef(snapshot, db.arn, db.id, 'AWS::RDS::DBInstance', region);
      const days = db.backupRetentionPeriod;
      const min = thresholds.backupRetentionDays;
      if (days === 0) return [fail(resource, `RDS instance ${db.id} has automated backups disabled`)];
      return [
        days >= min
          ? pass(resource, `RDS instance ${db.id} keeps automated backups for ${days} days (minimum ${min})`)
          : fail(resource, `RDS instance ${db.id} keeps automated backups for ${days} days, below the minimum of ${min}`),
      ];
    }),
});
