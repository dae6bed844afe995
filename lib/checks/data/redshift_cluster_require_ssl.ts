import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'redshift_cluster_require_ssl',
  title: 'Redshift clusters require TLS for client connections',
  service: 'redshift',
  reads: ['data'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Without require_ssl a client may connect in clear text and query results carrying ePHI cross the network unencrypted. As AWS Config redshift-require-tls-ssl, the parameter group must set require_ssl to true; default parameter groups cannot be changed and leave it false.',
  remediation:
    'Create a custom parameter group with require_ssl=true and attach it: aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=require_ssl,ParameterValue=true; aws redshift modify-cluster --cluster-identifier <id> --cluster-parameter-group-name <group>; reboot the cluster.',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.redshiftClusters, 'Redshift clusters', (cluster, region) => {
      const resource = dataResource(snapshot, cluster.arn, cluster.id, 'AWS::Redshift::Cluster', region);
      const group = cluster.parameterGroupName ?? 'default';
      return withResourceDetail(cluster.requireSsl, resource, `parameter group ${group}`, (requireSsl) =>
        requireSsl
          ? pass(resource, `Redshift cluster ${cluster.id} requires SSL (require_ssl true in parameter group ${group})`)
          : fail(resource, `Redshift cluster ${cluster.id} does not require SSL (require_ssl false in parameter group ${group})`),
      );
    }),
});
