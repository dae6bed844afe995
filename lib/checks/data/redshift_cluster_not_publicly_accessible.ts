import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'redshift_cluster_not_publicly_accessible',
  title: 'Redshift clusters are not publicly accessible',
  service: 'redshift',
  reads: ['data'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    'A publicly accessible cluster gets a public IP address and endpoint reachable from the internet, guarded only by security groups (AWS Config redshift-cluster-public-access-check).',
  remediation: 'aws redshift modify-cluster --cluster-identifier <id> --no-publicly-accessible',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.redshiftClusters, 'Redshift clusters', (cluster, region) => {
      const resource = dataResource(snapshot, cluster.arn, cluster.id, 'AWS::Redshift::Cluster', region);
      return [
        cluster.publiclyAccessible
          ? fail(resource, `Redshift cluster ${cluster.id} is publicly accessible`)
          : pass(resource, `Redshift cluster ${cluster.id} is not publicly accessible`),
      ];
    }),
});
