import { fail, pass, resourceRef } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'rds_instance_not_publicly_accessible',
  title: 'RDS instances are not publicly accessible',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale: 'A publicly accessible instance gets a public DNS address reachable from the internet, subject only to security groups.',
  remediation: 'aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.dbInstances, 'RDS DB instances', (db, region) => {
      const resource = resourceRef(snapshot, db.arn, db.id, 'AWS::RDS::DBInstance', region);
      return [
        db.publiclyAccessible
          ? fail(resource, `RDS instance ${db.id} is publicly accessible`)
          : pass(resource, `RDS instance ${db.id} is not publicly accessible`),
      ];
    }),
});
