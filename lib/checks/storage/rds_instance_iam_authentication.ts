import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

/** Engines that support IAM database authentication on an instance. */
const IAM_AUTH_ENGINES = new Set(['mysql', 'mariadb', 'postgres']);

export const check = defineCheck({
  id: 'rds_instance_iam_authentication',
  title: 'RDS DB instances use IAM database authentication',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(d)', '164.312(a)(2)(i)'],
  severity: 'medium',
  rationale:
    'IAM database authentication replaces shared static database passwords with short-lived tokens tied to an IAM identity (AWS Config rds-instance-iam-authentication-enabled, Prowler rds_instance_iam_authentication_enabled). Only MySQL, MariaDB and PostgreSQL instances support it; cluster members are set at cluster level.',
  remediation: 'aws rds modify-db-instance --db-instance-identifier <id> --enable-iam-database-authentication --apply-immediately',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbInstances, 'stand-alone MySQL, MariaDB or PostgreSQL instances', (db, region) => {
      if (db.clusterId || !IAM_AUTH_ENGINES.has(db.engine)) return [];
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBInstance', db.id, db.arn);
      return [
        db.iamAuthentication
          ? pass(resource, `RDS instance ${db.id} has IAM database authentication on`)
          : fail(resource, `RDS instance ${db.id} has IAM database authentication off`),
      ];
    }),
});
