import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ScheduleSpec {
  expression: string;
  timeZone: string;
}

export interface AuditScheduleProps {
  schedule: ScheduleSpec;
  description: string;
  targetArn: string;
  /** The one action the schedule needs on the target (states:StartExecution or lambda:InvokeFunction). */
  targetAction: string;
  input: Record<string, unknown>;
  deadLetterQueue: sqs.IQueue;
  dataKey: kms.IKey;
}

/**
 * An EventBridge Scheduler schedule (L1: the template shows exactly the expression, time zone, retry
 * policy and DLQ) with its own execution role scoped to one target.
 */
export class AuditSchedule extends Construct {
  readonly schedule: scheduler.CfnSchedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AuditScheduleProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    this.role = new iam.Role(this, 'Role', {
      // Confused-deputy guard: only schedules of this account may use the role.
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com').withConditions({ StringEquals: { 'aws:SourceAccount': account } }),
      description: props.description,
    });
    const policy = new iam.ManagedPolicy(this, 'Policy', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({ sid: 'StartTarget', actions: [props.targetAction], resources: [props.targetArn] }),
        new iam.PolicyStatement({ sid: 'DeadLetter', actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
        // The DLQ is SSE-KMS: sending to it needs a data key.
        new iam.PolicyStatement({ sid: 'EncryptDeadLetter', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.dataKey.keyArn] }),
      ],
    });

    this.schedule = new scheduler.CfnSchedule(this, 'Schedule', {
      description: props.description,
      scheduleExpression: props.schedule.expression,
      scheduleExpressionTimezone: props.schedule.timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: props.targetArn,
        roleArn: this.role.roleArn,
        input: JSON.stringify(props.input),
        // A run that cannot start within an hour is reported through the DLQ alarm, not retried forever.
        retryPolicy: { maximumRetryAttempts: 5, maximumEventAgeInSeconds: 3600 },
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
      },
    });
    this.schedule.node.addDependency(policy);
  }
}
