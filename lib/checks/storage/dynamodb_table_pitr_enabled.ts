import { fail, pass, resourceRef, withCollected } from '../kit/results.js';
import { eachRegionalItem } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'dynamodb_table_pitr_enabled',
  title: 'DynamoDB tables have point-in-time recovery',
  service: 'dynamodb',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale: 'Point-in-time recovery keeps continuous backups for 35 days, so a table can be restored after bad writes or deletion.',
  remediation:
    'aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.storage.regions, (r) => r.tables, 'DynamoDB tables', (t, region) => {
      const resource = resourceRef(snapshot, t.arn, t.name, 'AWS::DynamoDB::Table', region);
      return withCollected(t.pitr, resource, (pitr) => [
        pitr.status === 'ENABLED'
          ? pass(resource, `DynamoDB table ${t.name} has point-in-time recovery enabled`)
          : fail(resource, `DynamoDB table ${t.name} point-in-time recovery is ${pitr.status.toLowerCase()}`),
      ]);
    }),
});
