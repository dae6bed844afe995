import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { allStates, stateMachineDefinition, state, type Definition, type State } from './definition.js';
import { acknowledgements, assertCount, assertProps, assertResource, synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
let definition: Definition;

beforeAll(() => {
  // One synthesis (deploying the pre-built dist/lambda code; with cdk-nag, slow on a loaded two-core machine)
  // for the whole file.
  synth = synthesize();
  if (synth.violations.length === 0) definition = stateMachineDefinition(synth.pipeline);
}, 300_000);

describe('cdk-nag (AwsSolutions + HIPAA Security)', () => {
  it('reports no unacknowledged finding', () => {
    const listed = synth.violations.map((v) => `${v.severity} ${v.rule}: ${v.paths.join(', ')}`);
    expect(listed).toEqual([]);
  });

  it('gives every acknowledgement a specific reason, and IAM wildcard ones the exact finding', () => {
    const acks = acknowledgements(synth.built.app);
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.filter((a) => a.reason.length < 40)).toEqual([]);
    const iam = acks.filter((a) => a.id.startsWith('AwsSolutions-IAM'));
    expect(iam.filter((a) => !/^AwsSolutions-IAM[45]\[(Resource|Action|Policy)::.+\]$/.test(a.id))).toEqual([]);
  });
});

describe('schedules', () => {
  it('runs the scan state machine on the configured cron in the configured time zone', () => {
    assertProps(synth.pipeline, 'AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'America/New_York',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { Ref: Match.stringLikeRegexp('StateMachine') },
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
      }),
    });
  });

  it('invokes the digest weekly with the scheduled time as `now`', () => {
    assertProps(synth.pipeline, 'AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 ? * MON *)',
      ScheduleExpressionTimezone: 'America/New_York',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SendDigest'), 'Arn'] },
        Input: JSON.stringify({ now: '<aws.scheduler.scheduled-time>' }),
      }),
    });
  });
});

describe('evidence storage', () => {
  it('locks evidence in COMPLIANCE mode for the configured years, versioned and KMS-encrypted', () => {
    assertProps(synth.pipeline, 'AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 6 } } },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }),
        ],
      },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'evidence/' },
    });
  });

  it('retains all four buckets (evidence, access logs, work, bundles) and enforces TLS on them', () => {
    const buckets = synth.pipeline.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(4);
    for (const b of Object.values(buckets)) expect(b).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const policies = Object.values(synth.pipeline.findResources('AWS::S3::BucketPolicy'));
    const denies = policies.filter((p) => JSON.stringify(p).includes('"aws:SecureTransport":"false"'));
    expect(denies).toHaveLength(4);
  });

  it('denies any evidence PutObject without If-None-Match, so no principal can put a new version over evidence', () => {
    const evidenceId = Object.entries(synth.pipeline.findResources('AWS::S3::Bucket')).find(([, b]) => (b as { Properties: { ObjectLockEnabled?: boolean } }).Properties.ObjectLockEnabled)?.[0];
    const policy = Object.values(synth.pipeline.findResources('AWS::S3::BucketPolicy')).find((p) => JSON.stringify(p).includes(`"Ref":"${evidenceId}"`)) as
      { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } };
    const deny = policy.Properties.PolicyDocument.Statement.find((st) => st.Sid === 'DenyWritesThatCouldReplaceEvidence');
    expect(deny).toEqual({
      Sid: 'DenyWritesThatCouldReplaceEvidence',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:PutObject',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [evidenceId, 'Arn'] }, '/*']] },
      // Null=true: the request carried no If-None-Match header (AWS's documented conditional-write key).
      Condition: { Null: { 's3:if-none-match': 'true' } },
    });
  });

  it('keeps bundles in their own bucket: KMS, versioned, logged, no Object Lock, expiring after bundleRetentionDays', () => {
    assertProps(synth.pipeline, 'AWS::S3::Bucket', {
      ObjectLockEnabled: Match.absent(),
      ObjectLockConfiguration: Match.absent(),
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'bundles/' },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'expire-bundles', ExpirationInDays: 30, Status: 'Enabled' })] },
    });
  });

  it('keeps work data (not evidence) KMS-encrypted, without Object Lock, expiring after 30 days', () => {
    assertProps(synth.pipeline, 'AWS::S3::Bucket', {
      ObjectLockEnabled: Match.absent(),
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'expire-work-data', ExpirationInDays: 30, Status: 'Enabled' })] },
    });
  });
});

describe('findings table', () => {
  it('is on-demand, PITR, CMK-encrypted, deletion-protected and retained, with the indexes the store queries', () => {
    assertResource(synth.pipeline, 'AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        DeletionProtectionEnabled: true,
        // Transition items expire from the working index (lib/store/table-design.ts); the record is in S3.
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'GSI3', KeySchema: [{ AttributeName: 'GSI3PK', KeyType: 'HASH' }, { AttributeName: 'GSI3SK', KeyType: 'RANGE' }] }),
        ],
      }),
    });
  });
});

describe('findings table backups', () => {
  it('keeps the last three monthly AWS Backup copies (90 days), warm, on top of 35 days of PITR', () => {
    assertProps(synth.pipeline, 'AWS::Backup::BackupPlan', {
      BackupPlan: Match.objectLike({
        BackupPlanRule: [Match.objectLike({ RuleName: 'monthly-90d', ScheduleExpression: 'cron(0 5 1 * ? *)', Lifecycle: { DeleteAfterDays: 90 } })],
      }),
    });
  });
});

describe('KMS keys', () => {
  it('has a rotating symmetric data key and a retained ECC P-256 signing key', () => {
    assertResource(synth.pipeline, 'AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ EnableKeyRotation: true, RotationPeriodInDays: 365 }),
    });
    assertResource(synth.pipeline, 'AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
    });
    assertCount(synth.pipeline, 'AWS::KMS::Key', 2);
  });
});

describe('Lambda functions', () => {
  it('are nodejs22.x on arm64 with JSON logs, reserved concurrency and bounded timeouts', () => {
    const functions = Object.values(synth.pipeline.findResources('AWS::Lambda::Function')) as { Properties: Record<string, unknown> }[];
    expect(functions).toHaveLength(7); // six pipeline functions + the signing-key fingerprint custom resource
    for (const { Properties: p } of functions) {
      expect(p).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' } });
      // Pre-built code (dist/lambda, one asset for all): the handler names the function's entry in it.
      expect(p.Handler).toMatch(/^[a-z-]+\/index\.handler$/);
      expect(p.Timeout).toBeGreaterThan(0);
      expect(p.MemorySize).toBeGreaterThan(0);
      expect(p.ReservedConcurrentExecutions).toBeGreaterThan(0);
    }
  });

  it('logs to KMS-encrypted log groups kept six years', () => {
    const groups = Object.values(synth.pipeline.findResources('AWS::Logs::LogGroup')) as { Properties: Record<string, unknown>; DeletionPolicy: string }[];
    expect(groups).toHaveLength(8); // seven functions + the state machine
    for (const g of groups) {
      expect(g.Properties.RetentionInDays).toBe(2192);
      expect(g.Properties.KmsKeyId).toBeDefined();
      expect(g.DeletionPolicy).toBe('Retain');
    }
  });

  it('dead-letters failed asynchronous digest invocations', () => {
    assertProps(synth.pipeline, 'AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('digest'),
      DeadLetterConfig: { TargetArn: Match.anyValue() },
    });
    assertProps(synth.pipeline, 'AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2 });
  });
});

describe('state machine', () => {
  it('resolves targets into S3 and runs a DISTRIBUTED Map over them (ItemReader, ResultWriter) with the configured concurrency', () => {
    expect(definition.StartAt).toBe('ResolveTargets');
    const resolve = state(definition.States, 'ResolveTargets');
    expect(resolve.Next).toBe('ScanAccounts');
    expect(resolve.Parameters).toEqual({ 'request.$': '$', 'executionId.$': '$$.Execution.Id', 'startedAt.$': '$$.Execution.StartTime' });
    const map = state(definition.States, 'ScanAccounts') as State & Record<string, unknown>;
    expect(map).toMatchObject({
      Type: 'Map', MaxConcurrency: 50, ResultPath: null, Next: 'FinalizeRun', ToleratedFailurePercentage: 100,
      ItemReader: { Resource: expect.stringMatching(/^arn:.+:states:::s3:getObject$/), ReaderConfig: { InputType: 'JSON' }, Parameters: { 'Key.$': '$.targets.key' } },
      ResultWriter: { Resource: expect.stringMatching(/^arn:.+:states:::s3:putObject$/), Parameters: { Prefix: 'map-results/' } },
    });
    expect(map.ItemProcessor).toMatchObject({ ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } });
    expect(map.ItemSelector).toEqual({ 'runId.$': '$.runId', 'startedAt.$': '$.startedAt', 'target.$': '$$.Map.Item.Value' });
  });

  it('per account: scans each region (retried, failures caught into { accountId, regions, error }), then seals once and records', () => {
    const processor = state(definition.States, 'ScanAccounts').ItemProcessor;
    if (!processor) throw new Error('Map has no ItemProcessor');
    expect(processor.StartAt).toBe('ScanRegions');
    const regions = state(processor.States, 'ScanRegions');
    expect(regions).toMatchObject({ Type: 'Map', ItemsPath: '$.target.units', MaxConcurrency: 4, ResultPath: '$.scans', Next: 'SealAccount' });
    const inner = regions.ItemProcessor;
    if (!inner) throw new Error('ScanRegions has no ItemProcessor');
    const scan = state(inner.States, 'ScanTarget');
    expect(scan.End).toBe(true);
    expect(scan.Retry).toEqual([
      expect.objectContaining({
        ErrorEquals: expect.arrayContaining(['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'States.Timeout', 'Lambda.Unknown']),
        BackoffRate: 2,
        MaxAttempts: 3,
      }),
    ]);
    expect(scan.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordScanFailure' }]);
    const failure = state(inner.States, 'RecordScanFailure');
    expect(failure).toMatchObject({ Type: 'Pass', End: true, Parameters: { 'accountId.$': '$.target.accountId', 'regions.$': '$.target.regions', 'error.$': '$.error' } });

    const seal = state(processor.States, 'SealAccount');
    expect(seal).toMatchObject({ Next: 'RecordAccount', ResultPath: null, Parameters: { 'scans.$': '$.scans', 'accountId.$': '$.target.accountId' } });
    expect(seal.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordAccountFailure' }]);
    expect(state(processor.States, 'RecordAccount').End).toBe(true);
    expect(state(processor.States, 'RecordAccountFailure')).toMatchObject({ End: true, Parameters: { 'error.$': '$.error' } });
  });

  it('hands FinalizeRun only the run (constant size) and fails the execution on FAILED', () => {
    const finalize = state(definition.States, 'FinalizeRun');
    expect(finalize.Parameters).toEqual({ 'runId.$': '$.runId', 'startedAt.$': '$.startedAt', 'executionId.$': '$.executionId' });
    expect(finalize.Retry?.[0]).toMatchObject({ BackoffRate: 2, MaxAttempts: 3 });
    const choice = state(definition.States, finalize.Next ?? '');
    expect(choice.Type).toBe('Choice');
    const failed = choice.Choices?.find((c) => c.StringEquals === 'FAILED');
    expect(failed?.Variable).toBe('$.status');
    expect(state(definition.States, failed?.Next ?? '').Type).toBe('Fail');
    expect(state(definition.States, choice.Default ?? '').Type).toBe('Succeed');
  });

  it('hands every Lambda task an object, never the literal string "$" CDK writes for fromJsonPathAt with payloadResponseOnly', () => {
    const tasks = allStates(definition.States).filter((s) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    for (const task of tasks) {
      for (const field of ['Parameters', 'Arguments'] as const) {
        const value: unknown = task[field];
        expect(value === undefined || (typeof value === 'object' && value !== null), `${task.Resource ?? 'task'} ${field}`).toBe(true);
      }
    }
  });

  it('logs everything to an encrypted log group and traces with X-Ray', () => {
    assertProps(synth.pipeline, 'AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: true }),
      TracingConfiguration: { Enabled: true },
    });
  });
});

describe('alerts', () => {
  it('alarms on failed and timed-out runs to an SSL-only KMS topic the officers subscribe to', () => {
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      assertProps(synth.pipeline, 'AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: 'AWS/States',
        Threshold: 1,
        AlarmActions: [{ Ref: Match.stringLikeRegexp('AlertsTopic') }],
      });
    }
    assertProps(synth.pipeline, 'AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    assertProps(synth.pipeline, 'AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    assertCount(synth.pipeline, 'AWS::SNS::Subscription', 2);
    assertProps(synth.pipeline, 'AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'privacy-officer@example.com' });
  });

  it('verifies the sender with SES', () => {
    assertProps(synth.pipeline, 'AWS::SES::EmailIdentity', { EmailIdentity: 'hipaa-audit@example.com' });
  });
});

describe('outputs', () => {
  it('exports the names an operator and the member StackSet need', () => {
    const outputs = Object.keys(synth.pipeline.findOutputs('*'));
    expect(outputs).toEqual(
      expect.arrayContaining([
        'FindingsTableName', 'EvidenceBucketName', 'BundleBucketName', 'SigningKeyId', 'SigningKeyFingerprint', 'ExternalId',
        'StateMachineArn', 'CollectorRoleArn', 'AuditorRoleArn',
      ]),
    );
  });

  it('shows the signing key fingerprint from the custom resource that reads the deployed key', () => {
    const [crId] = Object.keys(synth.pipeline.findResources('Custom::SigningKeyFingerprint'));
    expect(synth.pipeline.findOutputs('SigningKeyFingerprint').SigningKeyFingerprint?.Value).toEqual({ 'Fn::GetAtt': [crId, 'Fingerprint'] });
  });

  it('derives a unique ExternalId from the stack id when none is configured (never a public constant)', () => {
    const value = JSON.stringify(synth.pipeline.findOutputs('ExternalId').ExternalId?.Value);
    expect(value).toContain('"Ref":"AWS::StackId"');
    expect(value).not.toContain('hipaa-audit-pipeline"');
    const parameters = (synth.memberRole.toJSON() as { Parameters: Record<string, { Default?: string }> }).Parameters;
    expect(parameters.ExternalId?.Default).toBeUndefined();
  });
});
