import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'efs_file_system_backup_enabled',
  title: 'EFS file systems have automatic backups on',
  service: 'efs',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  severity: 'medium',
  rationale:
    "EFS automatic backups put the file system in AWS Backup's default plan (daily, 35 days). Same as Prowler efs_have_backup_enabled: status ENABLED or ENABLING passes; no backup policy (PolicyNotFound) or DISABLED fails. A file system protected by another plan is recognised by backup_resource_protected.",
  remediation: 'aws efs put-backup-policy --file-system-id <id> --backup-policy Status=ENABLED',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.fileSystems, 'EFS file systems', (fs, region) => {
      const resource = storageResource(snapshot, region, 'AWS::EFS::FileSystem', fs.id, fs.arn);
      return withCollected(fs.backupPolicy, resource, (status) => [
        status === 'ENABLED' || status === 'ENABLING'
          ? pass(resource, `EFS file system ${fs.id} has automatic backups ${status}`)
          : fail(resource, `EFS file system ${fs.id} has automatic backups ${status ?? 'off (no backup policy)'}`),
      ]);
    }),
});
