import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'dynamodb_table_deletion_protection',
  title: 'DynamoDB tables have deletion protection',
  service: 'dynamodb',
  reads: ['storage'],
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale:
    'Deletion protection stops a table, and its ePHI, being dropped by one API call (AWS Config dynamodb-table-deletion-protection-enabled, Prowler dynamodb_table_deletion_protection_enabled).',
  remediation: 'aws dynamodb update-table --table-name <table> --deletion-protection-enabled',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.tables, 'DynamoDB tables', (table, region) => {
      const resource = storageResource(snapshot, region, 'AWS::DynamoDB::Table', table.name, table.arn);
      return withCollected(table.deletionProtection, resource, (on) => [
        on ? pass(resource, `DynamoDB table ${table.name} has deletion protection on`) : fail(resource, `DynamoDB table ${table.name} has deletion protection off`),
      ]);
    }),
});
