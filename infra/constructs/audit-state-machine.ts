import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { WORK_MAP_RESULTS_PREFIX } from '../../lib/evidence/layout.js';
import { AUDIT_RUN_TIMEOUT_HOURS } from '../../lib/pipeline/run-timeout.js';
import { nagArnRef } from '../nag-ids.js';

export interface AuditStateMachineProps {
  resolveTargets: lambda.IFunction;
  scanTarget: lambda.IFunction;
  sealAccount: lambda.IFunction;
  recordAccount: lambda.IFunction;
  finalizeRun: lambda.IFunction;
  /** The scan Lambda's own timeout; the task timeout sits just above it. */
  scanTimeout: Duration;
  /** Accounts processed at once (the Distributed Map's MaxConcurrency). */
  mapConcurrency: number;
  /** Regions of one account scanned at once. */
  regionConcurrency: number;
  /** Holds the target list the Map reads and the results it writes. */
  workBucket: s3.IBucket;
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
 * An invocation that died (timed out, crashed, ran out of memory). Worth retrying only for steps that are
 * retry-safe: every scan attempt writes under its own attempt id, and the seal is deterministic.
 */
export const LAMBDA_DIED_ERRORS = ['States.Timeout', 'Sandbox.Timedout', 'Lambda.Unknown', 'Runtime.ExitError'] as const;

/**
 * ResolveTargets -> Distributed Map over the target list in S3 (per account: Map over its regions ->
 * ScanTarget; SealAccount; RecordAccount) -> FinalizeRun -> Succeed | Fail.
 *
 * Nothing in any state's input or output grows with the organization: the target list is read from S3
 * by the ItemReader, each account is a child execution with its own history, the Map's results go to S3
 * (ResultWriter), and FinalizeRun reads per-account records from DynamoDB. A scan that still fails after
 * its retries is caught into `{ accountId, regions, error }` so the account is sealed PARTIAL; an account
 * that cannot be sealed is recorded FAILED. Either way the run goes on with the other accounts.
 */
export class AuditStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AuditStateMachineProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const stateMachineName = `${stack.stackName}-audit-run`;

    const resolve = new tasks.LambdaInvoke(this, 'ResolveTargets', {
      lambdaFunction: props.resolveTargets,
      // An object payload (never `fromJsonPathAt('$')`, which CDK writes as the string "$", aws-cdk
      // #22390): the execution input (`{}`, or `{ "runId": ... }` to re-run an id), and the execution's
      // id and start time, which make a retried ResolveTargets return the same run.
      payload: sfn.TaskInput.fromObject({
        request: sfn.JsonPath.objectAt('$'),
        executionId: sfn.JsonPath.executionId,
        startedAt: sfn.JsonPath.executionStartTime,
      }),
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
    scan.addRetry({ errors: [...LAMBDA_TRANSIENT_ERRORS, ...LAMBDA_DIED_ERRORS], interval: Duration.seconds(10), backoffRate: 2, maxAttempts: 3 });
    const recordScanFailure = new sfn.Pass(this, 'RecordScanFailure', {
      comment: 'Keeps the failed scan as { accountId, regions, error } so SealAccount marks its regions unassessed',
      parameters: {
        accountId: sfn.JsonPath.stringAt('$.target.accountId'),
        regions: sfn.JsonPath.listAt('$.target.regions'),
        includeGlobal: sfn.JsonPath.stringAt('$.target.includeGlobal'),
        error: sfn.JsonPath.objectAt('$.error'),
      },
    });
    scan.addCatch(recordScanFailure, { errors: ['States.ALL'], resultPath: '$.error' });

    const scanRegions = new sfn.Map(this, 'ScanRegions', {
      itemsPath: '$.target.units',
      maxConcurrency: props.regionConcurrency,
      itemSelector: { runId: sfn.JsonPath.stringAt('$.runId'), target: sfn.JsonPath.objectAt('$$.Map.Item.Value') },
      resultPath: '$.scans',
    });
    scanRegions.itemProcessor(scan);

    const account = {
      runId: sfn.JsonPath.stringAt('$.runId'),
      startedAt: sfn.JsonPath.stringAt('$.startedAt'),
      accountId: sfn.JsonPath.stringAt('$.target.accountId'),
    };
    const seal = new tasks.LambdaInvoke(this, 'SealAccount', {
      lambdaFunction: props.sealAccount,
      payload: sfn.TaskInput.fromObject({ ...account, scans: sfn.JsonPath.listAt('$.scans') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(6)),
    });
    seal.addRetry({ errors: [...LAMBDA_TRANSIENT_ERRORS, ...LAMBDA_DIED_ERRORS], interval: Duration.seconds(10), backoffRate: 2, maxAttempts: 3 });

    const record = new tasks.LambdaInvoke(this, 'RecordAccount', {
      lambdaFunction: props.recordAccount,
      payload: sfn.TaskInput.fromObject(account),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(6)),
    });
    record.addRetry({ errors: [...LAMBDA_TRANSIENT_ERRORS, ...LAMBDA_DIED_ERRORS], interval: Duration.seconds(10), backoffRate: 2, maxAttempts: 3 });

    const recordAccountFailure = new tasks.LambdaInvoke(this, 'RecordAccountFailure', {
      lambdaFunction: props.recordAccount,
      comment: 'Nothing of the account could be sealed: record it FAILED with the error, so FinalizeRun marks the run PARTIAL',
      payload: sfn.TaskInput.fromObject({ ...account, error: sfn.JsonPath.objectAt('$.error') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(6)),
    });
    recordAccountFailure.addRetry({ errors: [...LAMBDA_TRANSIENT_ERRORS, ...LAMBDA_DIED_ERRORS], interval: Duration.seconds(10), backoffRate: 2, maxAttempts: 3 });
    seal.addCatch(recordAccountFailure, { errors: ['States.ALL'], resultPath: '$.error' });

    const accounts = new sfn.DistributedMap(this, 'ScanAccounts', {
      itemReader: new sfn.S3JsonItemReader({ bucket: props.workBucket, key: sfn.JsonPath.stringAt('$.targets.key') }),
      resultWriterV2: new sfn.ResultWriterV2({ bucket: props.workBucket, prefix: WORK_MAP_RESULTS_PREFIX }),
      itemSelector: {
        runId: sfn.JsonPath.stringAt('$.runId'),
        startedAt: sfn.JsonPath.stringAt('$.startedAt'),
        target: sfn.JsonPath.objectAt('$$.Map.Item.Value'),
      },
      maxConcurrency: props.mapConcurrency,
      // Scan and seal failures are caught per account; an account whose child execution still fails is
      // counted as failed by FinalizeRun (no record), so the run is recorded whatever happens to one account.
      toleratedFailurePercentage: 100,
      // STANDARD children: a scan may take up to 15 minutes, beyond EXPRESS's 5.
      mapExecutionType: sfn.StateMachineType.STANDARD,
      resultPath: sfn.JsonPath.DISCARD,
      label: 'Accounts',
    });
    accounts.itemProcessor(scanRegions.next(seal).next(record));

    const finalize = new tasks.LambdaInvoke(this, 'FinalizeRun', {
      lambdaFunction: props.finalizeRun,
      payload: sfn.TaskInput.fromObject({
        runId: sfn.JsonPath.stringAt('$.runId'),
        startedAt: sfn.JsonPath.stringAt('$.startedAt'),
        executionId: sfn.JsonPath.stringAt('$.executionId'),
      }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(6)),
    });
    finalize.addRetry({ errors: [...LAMBDA_TRANSIENT_ERRORS, ...LAMBDA_DIED_ERRORS], interval: Duration.seconds(10), backoffRate: 2, maxAttempts: 3 });

    const outcome = new sfn.Choice(this, 'RunStatus')
      .when(
        sfn.Condition.stringEquals('$.status', 'FAILED'),
        new sfn.Fail(this, 'RunFailed', { error: 'RunFailed', cause: 'FinalizeRun reported FAILED: no account could be assessed' }),
      )
      .otherwise(new sfn.Succeed(this, 'RunRecorded'));

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      // The vendedlogs prefix keeps CloudWatch Logs resource policies from growing per log group.
      logGroupName: `/aws/vendedlogs/states/${stack.stackName}-audit-run`,
      retention: logs.RetentionDays.SIX_YEARS,
      encryptionKey: props.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const machineArn = stack.formatArn({ service: 'states', resource: 'stateMachine', resourceName: stateMachineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const childExecutionsArn = stack.formatArn({ service: 'states', resource: 'execution', resourceName: `${stateMachineName}/*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'HIPAA audit state machine: invokes the pipeline Lambdas and runs the Distributed Map',
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'InvokePipelineFunctions',
          actions: ['lambda:InvokeFunction'],
          resources: [props.resolveTargets, props.scanTarget, props.sealAccount, props.recordAccount, props.finalizeRun].map((f) => f.functionArn),
        }),
        // The Distributed Map runs each account as a child execution of this state machine.
        new iam.PolicyStatement({ sid: 'StartChildExecutions', actions: ['states:StartExecution'], resources: [machineArn] }),
        new iam.PolicyStatement({ sid: 'ManageChildExecutions', actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [childExecutionsArn] }),
        new iam.PolicyStatement({ sid: 'ReadTargetList', actions: ['s3:GetObject'], resources: [props.workBucket.arnForObjects('runs/*')] }),
        new iam.PolicyStatement({
          sid: 'WriteMapResults',
          actions: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
          resources: [props.workBucket.arnForObjects(`${WORK_MAP_RESULTS_PREFIX}*`)],
        }),
        // The work bucket is SSE-KMS with the data key.
        new iam.PolicyStatement({ sid: 'UseDataKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [props.dataKey.keyArn] }),
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
    Validations.of(this.policy).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'CloudWatch Logs vended-log delivery (logs:*LogDelivery, PutResourcePolicy, Describe*) and X-Ray trace APIs do not support resource-level permissions; Lambda invoke is scoped to the five function ARNs.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${stateMachineName}/*]`,
        reason: 'Distributed Map child executions get generated names; the wildcard covers executions of this one state machine only.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${nagArnRef(props.workBucket)}/runs/*]`,
        reason: 'The ItemReader reads the target list of whichever run is executing; the wildcard covers the runs/ prefix of the work bucket only.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${nagArnRef(props.workBucket)}/${WORK_MAP_RESULTS_PREFIX}*]`,
        reason: 'The ResultWriter names its result files per Map run; the wildcard covers the map-results/ prefix of the work bucket only.',
      },
    );

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName,
      comment: 'Scheduled HIPAA technical-safeguard audit of the configured accounts',
      definitionBody: sfn.DefinitionBody.fromChainable(resolve.next(accounts).next(finalize).next(outcome)),
      stateMachineType: sfn.StateMachineType.STANDARD,
      // Immutable role: every permission lives in `policy` above, none in generated inline policies.
      role: this.role.withoutPolicyUpdates(),
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
      // The run lock's lease is this long too: an execution never holds it beyond its own lifetime.
      timeout: Duration.hours(AUDIT_RUN_TIMEOUT_HOURS),
    });
    // CDK attaches a Distributed Map inline policy of its own (StartExecution on itself, Describe/Stop on
    // its executions); the immutable role never receives it, and the same permissions, scoped to the
    // fixed state machine name, are in `policy` above. Removed so no unattached inline policy is synthesized.
    this.stateMachine.node.tryRemoveChild('DistributedMapPolicy');
    // Step Functions validates log-delivery permissions when the state machine is created.
    this.stateMachine.node.addDependency(this.policy);
  }
}
