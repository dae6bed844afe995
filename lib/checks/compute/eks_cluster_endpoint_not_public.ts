import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachEksCluster } from './helpers/eks-clusters.js';

const OPEN = new Set(['0.0.0.0/0', '::/0']);

export const check = defineCheck({
  id: 'eks_cluster_endpoint_not_public',
  title: 'EKS API endpoints are private or restricted to known networks',
  service: 'eks',
  reads: ['compute'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'high',
  rationale:
    'A Kubernetes API endpoint open to the internet exposes the control plane of workloads handling ePHI to credential stuffing and to any API server vulnerability. Passes when public access is off, or on but limited to CIDRs other than 0.0.0.0/0 (Prowler eks_endpoints_not_publicly_accessible; the Config rule eks-endpoint-no-public-access fails every public endpoint, even a restricted one).',
  remediation:
    'aws eks update-cluster-config --name <name> --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true (or endpointPublicAccess=true,publicAccessCidrs=<office-cidr>)',
  evaluate: (snapshot) =>
    eachEksCluster(snapshot, (details, cluster, resource) => {
      if (details.endpointPublicAccess === null) {
        return errorResult(resource, `EKS cluster ${cluster.name}: DescribeCluster did not say whether the endpoint is public`);
      }
      if (!details.endpointPublicAccess) return pass(resource, `EKS cluster ${cluster.name} API endpoint is private`);
      const open = details.publicAccessCidrs.filter((c) => OPEN.has(c));
      if (details.publicAccessCidrs.length === 0 || open.length > 0) {
        return fail(resource, `EKS cluster ${cluster.name} API endpoint is public to ${open.join(', ') || 'any address'}`);
      }
      return pass(resource, `EKS cluster ${cluster.name} API endpoint is public but limited to ${details.publicAccessCidrs.join(', ')}`);
    }),
});
