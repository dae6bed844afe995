import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'rds_snapshot_encrypted',
  title: 'RDS manual DB snapshots are encrypted',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)', '164.310(d)(2)(iv)'],
  severity: 'high',
  rationale:
    'A snapshot is a full copy of the database; unencrypted, it is ePHI at rest without encryption (AWS Config rds-snapshot-encrypted, Prowler rds_snapshots_encrypted). Automated snapshots inherit the instance\'s encryption (rds_instance_storage_encrypted).',
  remediation:
    'aws rds copy-db-snapshot --source-db-snapshot-identifier <id> --target-db-snapshot-identifier <id>-encrypted --kms-key-id <key>, then delete the unencrypted snapshot (aws rds delete-db-snapshot --db-snapshot-identifier <id>).',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbSnapshots, 'RDS manual snapshots', (s, region) => {
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBSnapshot', s.id, s.arn);
      return [s.encrypted ? pass(resource, `RDS snapshot ${s.id} is encrypted`) : fail(resource, `RDS snapshot ${s.id} is not encrypted`)];
    }),
});
