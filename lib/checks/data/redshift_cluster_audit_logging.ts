import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'redshift_cluster_audit_logging',
  title: 'Redshift clusters have audit logging enabled',
  service: 'redshift',
  reads: ['data'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Audit logging records connections and user changes (and, with enable_user_activity_logging, each query), the record of who accessed ePHI in the warehouse. Same semantics as AWS Config redshift-audit-logging-enabled (logging on, to any destination).',
  remediation:
    'aws redshift enable-logging --cluster-identifier <id> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.redshiftClusters, 'Redshift clusters', (cluster, region) => {
      const resource = dataResource(snapshot, cluster.arn, cluster.id, 'AWS::Redshift::Cluster', region);
      return withResourceDetail(cluster.auditLogging, resource, 'logging status', (logging) =>
        logging.enabled
          ? pass(resource, `Redshift cluster ${cluster.id} has audit logging enabled (${logging.destination ?? 'destination not reported'})`)
          : fail(resource, `Redshift cluster ${cluster.id} has audit logging disabled`),
      );
    }),
});
