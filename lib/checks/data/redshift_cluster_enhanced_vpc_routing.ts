import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'redshift_cluster_enhanced_vpc_routing',
  title: 'Redshift clusters use enhanced VPC routing',
  service: 'redshift',
  reads: ['data'],
  citations: ['164.312(e)(1)'],
  severity: 'low',
  rationale:
    'With enhanced VPC routing, COPY and UNLOAD traffic between the cluster and S3 stays in the VPC, where endpoint policies, security groups and flow logs apply (AWS Config redshift-enhanced-vpc-routing-enabled).',
  remediation: 'aws redshift modify-cluster --cluster-identifier <id> --enhanced-vpc-routing',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.redshiftClusters, 'Redshift clusters', (cluster, region) => {
      const resource = dataResource(snapshot, cluster.arn, cluster.id, 'AWS::Redshift::Cluster', region);
      return [
        cluster.enhancedVpcRouting
          ? pass(resource, `Redshift cluster ${cluster.id} uses enhanced VPC routing`)
          : fail(resource, `Redshift cluster ${cluster.id} does not use enhanced VPC routing`),
      ];
    }),
});
