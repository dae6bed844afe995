import type { TlsParameters } from '../../snapshot/storage.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';
import { tlsParameterName, tlsVerdict } from './helpers/rds-tls.js';

export const check = defineCheck({
  id: 'rds_instance_tls_enforced',
  title: 'RDS DB instances refuse connections without TLS',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    "The parameter group decides whether the server rejects plain-text clients: rds.force_ssl=1 (PostgreSQL, SQL Server) or require_secure_transport=ON/1 (MySQL, MariaDB), as in Prowler rds_instance_transport_encrypted. A custom group is read (values someone set); where it does not set the parameter, or the instance uses a default.* group, the engine default applies: on for RDS for PostgreSQL 15 and later, off for the others. Oracle and Db2 enforce TLS in option groups and are not assessed; cluster members are assessed by rds_cluster_tls_enforced.",
  remediation:
    'Create a custom parameter group (aws rds create-db-parameter-group --db-parameter-group-name <name> --db-parameter-group-family <family> --description tls), set the parameter (aws rds modify-db-parameter-group --db-parameter-group-name <name> --parameters ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=immediate, or require_secure_transport=ON), attach it (aws rds modify-db-instance --db-instance-identifier <id> --db-parameter-group-name <name>) and reboot.',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbInstances, 'stand-alone PostgreSQL, SQL Server, MySQL or MariaDB instances', (db, region) => {
      if (db.clusterId) return [];
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBInstance', db.id, db.arn);
      const decide = (parameters: TlsParameters | null) => {
        const verdict = tlsVerdict(db, parameters);
        if (!verdict) return [];
        return [
          verdict.enforced
            ? pass(resource, `RDS instance ${db.id} requires TLS: ${verdict.detail}`)
            : fail(resource, `RDS instance ${db.id} accepts unencrypted connections: ${verdict.detail}`),
        ];
      };
      if (!tlsParameterName(db.engine)) return [];
      return db.tlsParameters === null ? decide(null) : withCollected(db.tlsParameters, resource, decide);
    }),
});
