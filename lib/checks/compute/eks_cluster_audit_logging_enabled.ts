import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachEksCluster } from './helpers/eks-clusters.js';

export const check = defineCheck({
  id: 'eks_cluster_audit_logging_enabled',
  title: 'EKS clusters send control-plane audit logs to CloudWatch',
  service: 'eks',
  reads: ['compute'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'The Kubernetes audit log records who read or changed which object (secrets, pods, role bindings) in the cluster. We require the audit log type; Prowler eks_control_plane_logging_all_types_enabled requires all five types, which adds cost without adding the who-did-what record, so the reason lists the other types that are on.',
  remediation:
    'aws eks update-cluster-config --name <name> --logging \'{"clusterLogging":[{"types":["audit","authenticator","api"],"enabled":true}]}\'',
  evaluate: (snapshot) =>
    eachEksCluster(snapshot, (details, cluster, resource) =>
      details.enabledLogTypes.includes('audit')
        ? pass(resource, `EKS cluster ${cluster.name} sends control-plane logs: ${details.enabledLogTypes.join(', ')}`)
        : fail(resource, `EKS cluster ${cluster.name} does not send the audit log (enabled: ${details.enabledLogTypes.join(', ') || 'none'})`),
    ),
});
