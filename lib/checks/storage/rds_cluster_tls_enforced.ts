import type { TlsParameters } from '../../snapshot/storage.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';
import { tlsParameterName, tlsVerdict } from './helpers/rds-tls.js';

export const check = defineCheck({
  id: 'rds_cluster_tls_enforced',
  title: 'Aurora and Multi-AZ DB clusters refuse connections without TLS',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    "The cluster parameter group decides whether the cluster rejects plain-text clients: rds.force_ssl=1 (Aurora PostgreSQL, PostgreSQL Multi-AZ clusters) or require_secure_transport=ON/1 (Aurora MySQL, MySQL Multi-AZ clusters), as in Prowler rds_instance_transport_encrypted's cluster part. A custom group is read; where it does not set the parameter, or the cluster uses a default.* group, the engine default applies (on only for PostgreSQL 15+ Multi-AZ clusters; Aurora PostgreSQL is taken as off). Neptune and DocumentDB clusters are not assessed.",
  remediation:
    'aws rds create-db-cluster-parameter-group --db-cluster-parameter-group-name <name> --db-parameter-group-family <family> --description tls; aws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name <name> --parameters ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=immediate (or require_secure_transport=ON); aws rds modify-db-cluster --db-cluster-identifier <id> --db-cluster-parameter-group-name <name>',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbClusters, 'Aurora or Multi-AZ DB clusters', (c, region) => {
      if (!tlsParameterName(c.engine)) return [];
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBCluster', c.id, c.arn);
      const decide = (parameters: TlsParameters | null) => {
        const verdict = tlsVerdict(c, parameters);
        if (!verdict) return [];
        return [
          verdict.enforced
            ? pass(resource, `DB cluster ${c.id} requires TLS: ${verdict.detail}`)
            : fail(resource, `DB cluster ${c.id} accepts unencrypted connections: ${verdict.detail}`),
        ];
      };
      return c.tlsParameters === null ? decide(null) : withCollected(c.tlsParameters, resource, decide);
    }),
});
