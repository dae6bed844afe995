import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'dax_cluster_encrypted',
  title: 'DynamoDB Accelerator (DAX) clusters encrypt data at rest',
  service: 'dax',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'A DAX cluster caches table items, ePHI included, on its nodes; server-side encryption must be ENABLED (AWS Config dax-encryption-enabled, Prowler dynamodb_accelerator_cluster_encryption_enabled). It can only be chosen at creation.',
  remediation:
    'Create a replacement cluster with encryption (aws dax create-cluster --cluster-name <name> --node-type <type> --replication-factor <n> --iam-role-arn <role> --sse-specification Enabled=true), move clients, delete the old one.',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.daxClusters, 'DAX clusters', (c, region) => {
      const resource = storageResource(snapshot, region, 'AWS::DAX::Cluster', c.name, c.arn);
      return [
        c.sseStatus === 'ENABLED'
          ? pass(resource, `DAX cluster ${c.name} encrypts data at rest`)
          : fail(resource, `DAX cluster ${c.name} server-side encryption is ${c.sseStatus ?? 'not configured'}`),
      ];
    }),
});
