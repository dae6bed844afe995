import { RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Duration, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { INDEXES, TABLE_BACKUP, TTL_ATTRIBUTE } from '../../lib/store/table-design.js';

export interface FindingsTableProps {
  dataKey: kms.IKey;
}

/**
 * Single table for runs, finding state, transitions and suppressions (the store's key design uses
 * PK/SK plus GSI3 for run items, all strings). The table is a working index rebuildable from the signed evidence in S3:
 * PITR covers 35 days of operator error, and the AWS Backup plan keeps the last three monthly copies
 * (TABLE_BACKUP in lib/store/table-design.ts says why not more, and why not cold storage).
 */
export class FindingsTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: FindingsTableProps) {
    super(scope, id);
    const S = dynamodb.AttributeType.STRING;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'PK', type: S },
      sortKey: { name: 'SK', type: S },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.dataKey,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Transition items carry their expiry (historyRetentionDays after they happened); nothing else does.
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    // The same indexes the store queries (lib/store/table-design.ts), so the two cannot drift apart.
    for (const indexName of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: `${indexName}PK`, type: S },
        sortKey: { name: `${indexName}SK`, type: S },
      });
    }

    const vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: props.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const plan = new backup.BackupPlan(this, 'Plan', { backupVault: vault });
    plan.addRule(
      new backup.BackupPlanRule({
        ruleName: `monthly-${TABLE_BACKUP.deleteAfterDays}d`,
        scheduleExpression: events.Schedule.cron({ day: '1', hour: '5', minute: '0' }),
        deleteAfter: Duration.days(TABLE_BACKUP.deleteAfterDays),
      }),
    );
    const selection = plan.addSelection('Table', { resources: [backup.BackupResource.fromDynamoDbTable(this.table)] });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason: 'AWS Backup service role for the backup selection; the AWS-managed policy tracks new resource types and is scoped by the selection itself.',
    });
  }
}
