import { RemovalPolicy, Validations, type Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { isLambdaBundleName, lambdaHandler, LAMBDA_BUNDLES } from '../lambda-bundles.js';
import { bundledLambdaCode } from './lambda-code.js';

export interface AuditFunctionProps {
  /** File under functions/, e.g. `scan-target.ts`; it must be listed in infra/lambda-bundles.ts. */
  entry: string;
  description: string;
  timeout: Duration;
  memorySize: number;
  reservedConcurrency: number;
  environment: Record<string, string>;
  dataKey: kms.IKey;
  /** Only for asynchronously invoked functions; Step Functions invocations are synchronous. */
  deadLetterQueue?: sqs.IQueue;
}

/**
 * One pipeline Lambda with its own role, log group and managed policy. The role is handed to the
 * function as immutable so no CDK grant can silently add an inline policy; every permission the function
 * has is in `policy`, which is what the tests and cdk-nag read.
 */
export class AuditFunction extends Construct {
  readonly fn: lambda.Function;
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly logGroup: logs.LogGroup;
  /** The handler file under functions/ (tests that execute the state machine call it in-process). */
  readonly entry: string;

  constructor(scope: Construct, id: string, props: AuditFunctionProps) {
    super(scope, id);
    this.entry = props.entry;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      // Six years: the run log is part of the audit trail (HIPAA 164.316(b)(2)(i)).
      retention: logs.RetentionDays.SIX_YEARS,
      encryptionKey: props.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'WriteOwnLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.logGroup.logGroupArn],
        }),
      ],
    });
    if (props.deadLetterQueue) {
      this.policy.addStatements(
        new iam.PolicyStatement({ sid: 'SendToDeadLetterQueue', actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
      );
    }

    const bundle = props.entry.replace(/\.ts$/, '');
    if (!isLambdaBundleName(bundle)) {
      throw new Error(`functions/${props.entry} is not in LAMBDA_BUNDLES (infra/lambda-bundles.ts); known: ${Object.keys(LAMBDA_BUNDLES).join(', ')}`);
    }
    // Pre-built by `npm run build` (scripts/build.ts), which bundles the AWS SDK instead of using the
    // runtime's copy: the deployed code runs the exact SDK version the tests ran against.
    this.fn = new lambda.Function(this, 'Function', {
      code: bundledLambdaCode(bundle),
      handler: lambdaHandler(bundle),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role.withoutPolicyUpdates(),
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: 'hipaa-audit', POWERTOOLS_LOG_LEVEL: 'INFO' },
      ...(props.deadLetterQueue ? { deadLetterQueueEnabled: true, deadLetterQueue: props.deadLetterQueue } : {}),
    });
    // The policy must exist before the first invocation can log.
    this.fn.node.addDependency(this.policy);
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the pinned runtime the project is built and tested for (Node 22 LTS, supported by Lambda into 2027); moving to nodejs24.x is a deliberate upgrade, not a synth-time default.',
    });
  }

  /** Adds a statement to this function's managed policy. */
  allow(statement: iam.PolicyStatement): void {
    this.policy.addStatements(statement);
  }
}
