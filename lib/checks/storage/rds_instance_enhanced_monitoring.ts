import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_instance_enhanced_monitoring',
  title: 'RDS DB instances have enhanced monitoring',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(b)'],
  severity: 'low',
  rationale:
    'Enhanced monitoring records OS-level metrics of the database host, evidence for reviewing activity and availability (AWS Config rds-enhanced-monitoring-enabled: MonitoringInterval above 0; Prowler rds_instance_enhanced_monitoring_enabled).',
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <id> --monitoring-interval 60 --monitoring-role-arn <arn:aws:iam::<account>:role/rds-monitoring-role> --apply-immediately',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbInstances, 'RDS DB instances', (db, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBInstance', db.id, db.arn);
      return [
        db.monitoringInterval > 0
          ? pass(resource, `RDS instance ${db.id} has enhanced monitoring every ${db.monitoringInterval} s`)
          : fail(resource, `RDS instance ${db.id} has enhanced monitoring off (MonitoringInterval 0)`),
      ];
    }),
});
