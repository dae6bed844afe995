import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'redshift_cluster_kms_encryption',
  title: 'Redshift clusters are encrypted with a KMS key',
  service: 'redshift',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'A claims or analytics warehouse holds ePHI at rest. As AWS Config redshift-cluster-kms-enabled, a cluster passes only when it is encrypted with a KMS key (its KmsKeyId is set), so key use is logged in CloudTrail and access to the key can be revoked; a cluster encrypted with an AWS owned key fails.',
  remediation:
    'aws redshift modify-cluster --cluster-identifier <id> --encrypted --kms-key-id <kms-key-arn> (Redshift console > cluster > Properties > Database configurations > Edit encryption).',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.redshiftClusters, 'Redshift clusters', (cluster, region) => {
      const resource = dataResource(snapshot, cluster.arn, cluster.id, 'AWS::Redshift::Cluster', region);
      if (!cluster.encrypted) return [fail(resource, `Redshift cluster ${cluster.id} is not encrypted`)];
      return [
        cluster.kmsKeyId
          ? pass(resource, `Redshift cluster ${cluster.id} is encrypted with KMS key ${cluster.kmsKeyId}`)
          : fail(resource, `Redshift cluster ${cluster.id} is encrypted without a KMS key (AWS owned key)`),
      ];
    }),
});
