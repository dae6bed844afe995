import type { ResourceRef } from '../../../model/resource.js';
import type { EksCluster, EksDetails } from '../../../snapshot/compute.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { eachRegionalItem } from '../../kit/regions.js';
import { withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { computeRef } from './resources.js';

/** One verdict per EKS cluster from DescribeCluster (ERROR on the cluster when it could not be described). */
export function eachEksCluster(
  snapshot: AccountSnapshot,
  evaluate: (details: EksDetails, cluster: EksCluster, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.compute.regions, (r) => r.eksClusters, 'EKS clusters', (cluster, region) => {
    const resource = computeRef(snapshot, cluster.arn, cluster.name, 'AWS::EKS::Cluster', region);
    return withCollected(cluster.details, resource, (details) => [evaluate(details, cluster, resource)]);
  });
}
