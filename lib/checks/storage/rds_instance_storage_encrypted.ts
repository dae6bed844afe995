import { fail, pass, resourceRef } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'rds_instance_storage_encrypted',
  title: 'RDS instances encrypt storage at rest',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale: 'Storage encryption covers the database files, automated backups, read replicas and snapshots.',
  remediation:
    'Encryption cannot be turned on in place: snapshot the instance, `aws rds copy-db-snapshot --kms-key-id <key>`, restore from the encrypted copy and cut over.',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.dbInstances, 'RDS DB instances', (db, region) => {
      const resource = resourceRef(snapshot, db.arn, db.id, 'AWS::RDS::DBInstance', region);
      return [
        db.storageEncrypted
          ? pass(resource, `RDS instance ${db.id} has storage encryption enabled`)
          : fail(resource, `RDS instance ${db.id} (${db.engine}) does not encrypt its storage`),
      ];
    }),
});
