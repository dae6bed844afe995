import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachEksCluster } from './helpers/eks-clusters.js';

export const check = defineCheck({
  id: 'eks_cluster_secrets_encrypted',
  title: 'EKS clusters envelope-encrypt Kubernetes secrets with KMS',
  service: 'eks',
  reads: ['compute'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'Kubernetes secrets (database passwords, API keys to ePHI stores) sit in etcd; envelope encryption with a KMS key adds a key only IAM can release and whose use CloudTrail records. Same semantics as Prowler eks_cluster_kms_cmk_encryption_in_secrets_enabled and the Config rule eks-secrets-encrypted.',
  remediation:
    'aws eks associate-encryption-config --cluster-name <name> --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"<kms-key-arn>"}}]\'',
  evaluate: (snapshot) =>
    eachEksCluster(snapshot, (details, cluster, resource) =>
      details.secretsKeyArn
        ? pass(resource, `EKS cluster ${cluster.name} encrypts secrets with KMS key ${details.secretsKeyArn}`)
        : fail(resource, `EKS cluster ${cluster.name} does not envelope-encrypt Kubernetes secrets with KMS`),
    ),
});
