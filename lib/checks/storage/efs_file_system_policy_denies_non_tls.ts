import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'efs_file_system_policy_denies_non_tls',
  title: 'EFS file system policies deny access without TLS',
  service: 'efs',
  reads: ['storage'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'NFS clients may mount without TLS unless the file system policy denies it: a Deny for everyone on all actions under aws:SecureTransport = false (the "Enforce in-transit encryption for all clients" policy; Security Hub EFS.7-style). Without a file system policy the default policy allows any client in the network.',
  remediation:
    'aws efs put-file-system-policy --file-system-id <id> --policy \'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\'',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.fileSystems, 'EFS file systems', (fs, region) => {
      const resource = storageResource(snapshot, region, 'AWS::EFS::FileSystem', fs.id, fs.arn);
      return withCollected(fs.policy, resource, (policy) => [
        policy?.deniesInsecureTransport
          ? pass(resource, `EFS file system ${fs.id} policy denies requests without TLS`)
          : fail(resource, `EFS file system ${fs.id} ${policy ? 'policy has no Deny on aws:SecureTransport=false' : 'has no file system policy, so clients may connect without TLS'}`),
      ]);
    }),
});
