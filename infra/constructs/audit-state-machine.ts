import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface AuditStateMachineProps {
  resolveTargets: lambda.IFunction;
  scanTarget: lambda.IFunction;
  finalizeRun: lambda.IFunction;
  /** The scan Lambda's own timeout; the task timeout sits just above it. */
  scanTimeout: Duration;
  mapConcurrency: number;
  dataKey: kms.IKey;
}

/** Transient Lambda-service failures worth retrying; a handler's own error is not one of them. */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

/**
 * ResolveTargets -> Map(ScanTarget, one item per account) -> FinalizeRun -> Succeed | Fail.
 * A target that still fails after retries is caught and turned into `{ accountId, error }`, so one
 * broken member account makes the run PARTIAL instead of losing every other account's results.
 */
export class AuditStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AuditStateMachineProps) {
    super(scope, id);

    const resolve = new tasks.LambdaInvoke(this, 'ResolveTargets', {
      lambdaFunction: props.resolveTargets,
      // Scheduled runs start with `{}`; a manual run may pass `{ "runId": "..." }` to re-run one id.
      // No `payload`: with payloadResponseOnly, `TaskInput.fromJsonPathAt('$')` is written as the literal
      // string "Parameters": "$" (aws-cdk #22390), while no Parameters passes the whole state input.
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(3)),
    });
    resolve.addRetry({ errors: [...LAMBDA_TRANSIENT_ERRORS, 'States.Timeout'], interval: Duration.seconds(5), backoffRate: 2, maxAttempts: 3 });

    const scan = new tasks.LambdaInvoke(this, 'ScanTarget', {
      lambdaFunction: props.scanTarget,
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(props.scanTimeout.plus(Duration.minutes(1))),
    });
    scan.addRetry({
      errors: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'States.Timeout', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
      interval: Duration.seconds(10),
      backoffRate: 2,
      maxAttempts: 3,
    });
    const recordFailure = new sfn.Pass(this, 'RecordTargetFailure', {
      comment: 'Keeps the failed account in the run as { accountId, error } so FinalizeRun marks the run PARTIAL',
      parameters: { accountId: sfn.JsonPath.stringAt('$.target.accountId'), error: sfn.JsonPath.objectAt('$.error') },
    });
    scan.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });

    const scanTargets = new sfn.Map(this, 'ScanTargets', {
      itemsPath: '$.targets',
      maxConcurrency: props.mapConcurrency,
      itemSelector: { runId: sfn.JsonPath.stringAt('$.runId'), target: sfn.JsonPath.objectAt('$$.Map.Item.Value') },
      resultPath: '$.outcomes',
    });
    scanTargets.itemProcessor(scan);

    const finalize = new tasks.LambdaInvoke(this, 'FinalizeRun', {
      lambdaFunction: props.finalizeRun,
      payload: sfn.TaskInput.fromObject({
        runId: sfn.JsonPath.stringAt('$.runId'),
        startedAt: sfn.JsonPath.stringAt('$.startedAt'),
        outcomes: sfn.JsonPath.listAt('$.outcomes'),
      }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(6)),
    });
    finalize.addRetry({ errors: [...LAMBDA_TRANSIENT_ERRORS, 'States.Timeout'], interval: Duration.seconds(10), backoffRate: 2, maxAttempts: 3 });

    const outcome = new sfn.Choice(this, 'RunStatus')
      .when(
        sfn.Condition.stringEquals('$.status', 'FAILED'),
        new sfn.Fail(this, 'RunFailed', { error: 'RunFailed', cause: 'FinalizeRun reported FAILED: no target produced findings' }),
      )
      .otherwise(new sfn.Succeed(this, 'RunRecorded'));

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      // The vendedlogs prefix keeps CloudWatch Logs resource policies from growing per log group.
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-audit-run`,
      retention: logs.RetentionDays.SIX_YEARS,
      encryptionKey: props.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'HIPAA audit state machine: invokes the pipeline Lambdas',
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'InvokePipelineFunctions',
          actions: ['lambda:InvokeFunction'],
          resources: [props.resolveTargets.functionArn, props.scanTarget.functionArn, props.finalizeRun.functionArn],
        }),
        new iam.PolicyStatement({
          sid: 'DeliverExecutionLogs',
          actions: [
            'logs:CreateLogDelivery',
            'logs:GetLogDelivery',
            'logs:UpdateLogDelivery',
            'logs:DeleteLogDelivery',
            'logs:ListLogDeliveries',
            'logs:PutResourcePolicy',
            'logs:DescribeResourcePolicies',
            'logs:DescribeLogGroups',
          ],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'XRayTracing',
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
          resources: ['*'],
        }),
      ],
    });
    Validations.of(this.policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'CloudWatch Logs vended-log delivery (logs:*LogDelivery, PutResourcePolicy, Describe*) and X-Ray trace APIs do not support resource-level permissions; Lambda invoke is scoped to the three function ARNs.',
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'Scheduled HIPAA technical-safeguard audit of the configured accounts',
      definitionBody: sfn.DefinitionBody.fromChainable(resolve.next(scanTargets).next(finalize).next(outcome)),
      stateMachineType: sfn.StateMachineType.STANDARD,
      // Immutable role: every permission lives in `policy` above, none in generated inline policies.
      role: this.role.withoutPolicyUpdates(),
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
      timeout: Duration.hours(6),
    });
    // Step Functions validates log-delivery permissions when the state machine is created.
    this.stateMachine.node.addDependency(this.policy);
  }
}
