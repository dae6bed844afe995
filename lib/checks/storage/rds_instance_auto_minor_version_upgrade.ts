import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_instance_auto_minor_version_upgrade',
  title: 'RDS DB instances receive minor engine upgrades automatically',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.308(a)(1)(ii)(B)'],
  severity: 'low',
  rationale:
    'Minor engine versions carry security fixes; automatic minor version upgrade applies them in the maintenance window (AWS Config rds-automatic-minor-version-upgrade-enabled, Prowler rds_instance_minor_version_upgrade_enabled).',
  remediation: 'aws rds modify-db-instance --db-instance-identifier <id> --auto-minor-version-upgrade --apply-immediately',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbInstances, 'RDS DB instances', (db, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBInstance', db.id, db.arn);
      return [
        db.autoMinorVersionUpgrade
          ? pass(resource, `RDS instance ${db.id} upgrades minor versions automatically`)
          : fail(resource, `RDS instance ${db.id} has automatic minor version upgrade off`),
      ];
    }),
});
