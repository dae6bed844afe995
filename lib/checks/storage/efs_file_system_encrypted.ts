import { fail, pass, resourceRef } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'efs_file_system_encrypted',
  title: 'EFS file systems are encrypted at rest',
  service: 'efs',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale: 'EFS encryption at rest can only be chosen at creation; an unencrypted file system stores ePHI in clear.',
  remediation:
    'Create a new file system with `aws efs create-file-system --encrypted --kms-key-id <key>`, copy the data (AWS DataSync) and retire the old one.',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.fileSystems, 'EFS file systems', (fs, region) => {
      const resource = resourceRef(snapshot, fs.arn, fs.id, 'AWS::EFS::FileSystem', region);
      const label = fs.name ? `${fs.id} (${fs.name})` : fs.id;
      return [
        fs.encrypted
          ? pass(resource, `EFS file system ${label} is encrypted at rest`)
          : fail(resource, `EFS file system ${label} is not encrypted at rest`),
      ];
    }),
});
