import { fail, pass, resourceRef, withCollected } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'rds_snapshot_not_public',
  title: 'RDS manual snapshots are not public',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(a)(1)'],
  severity: 'critical',
  rationale: 'A public DB snapshot can be restored by any AWS account, exposing the whole database.',
  remediation:
    'aws rds modify-db-snapshot-attribute --db-snapshot-identifier <id> --attribute-name restore --values-to-remove all',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.dbSnapshots, 'RDS manual snapshots', (s, region) => {
      const resource = resourceRef(snapshot, s.arn, s.id, 'AWS::RDS::DBSnapshot', region);
      return withCollected(s.public, resource, (isPublic) => [
        isPublic
          ? fail(resource, `RDS snapshot ${s.id} can be restored by any AWS account (restore=all)`)
          : pass(resource, `RDS snapshot ${s.id} is not public`),
      ]);
    }),
});
