import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_instance_multi_az',
  title: 'RDS DB instances are deployed across Availability Zones',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(B)', '164.308(a)(7)(i)'],
  severity: 'medium',
  rationale:
    'A Multi-AZ standby keeps the database available when an Availability Zone fails, part of the disaster recovery plan (AWS Config rds-multi-az-support, Prowler rds_instance_multi_az). Aurora and Multi-AZ DB cluster members are not assessed here: availability is a property of their cluster.',
  remediation: 'aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbInstances, 'stand-alone RDS DB instances', (db, region) => {
      if (db.clusterId) return [];
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBInstance', db.id, db.arn);
      return [
        db.multiAz
          ? pass(resource, `RDS instance ${db.id} is Multi-AZ`)
          : fail(resource, `RDS instance ${db.id} runs in a single Availability Zone (MultiAZ false)`),
      ];
    }),
});
