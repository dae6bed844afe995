import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface OperationalAlertsProps {
  dataKey: kms.IKey;
  officerEmails: readonly string[];
}

/**
 * A missed audit is itself a compliance event (HIPAA 164.308(a)(1)(ii)(D) information system activity
 * review), so run failures and undeliverable schedules page the officers, not only an ops channel.
 */
export class OperationalAlerts extends Construct {
  readonly topic: sns.Topic;
  /** Receives scheduler deliveries that failed and digest invocations that failed after retries. */
  readonly failedInvocations: sqs.Queue;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: OperationalAlertsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'HIPAA audit pipeline alerts',
      masterKey: props.dataKey,
      enforceSSL: true,
    });
    for (const email of props.officerEmails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    this.action = new actions.SnsAction(this.topic);

    this.failedInvocations = new sqs.Queue(this, 'FailedInvocations', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.dataKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.alarm(
      'FailedInvocationsAlarm',
      'A schedule or digest invocation failed and was dead-lettered',
      this.failedInvocations.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }));
  }

  watchStateMachine(stateMachine: sfn.IStateMachine): void {
    const period = Duration.minutes(5);
    this.alarm('RunFailedAlarm', 'An audit run failed: no findings were recorded for it', stateMachine.metricFailed({ period }));
    this.alarm('RunTimedOutAlarm', 'An audit run timed out', stateMachine.metricTimedOut({ period }));
  }

  private alarm(id: string, description: string, metric: cloudwatch.IMetric): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No executions means no datapoints; silence is not a failure (a missing run is caught by the DLQ alarm).
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
  }
}
