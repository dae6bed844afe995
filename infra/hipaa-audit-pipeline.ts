import { Aws, CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { PipelineConfig } from '../lib/config/pipeline-config.js';
import { AuditorRole, CollectorRole } from './constructs/access-roles.js';
import { AuditKeys } from './constructs/audit-keys.js';
import { AuditStateMachine } from './constructs/audit-state-machine.js';
import { EvidenceStorage } from './constructs/evidence-storage.js';
import { FindingsTable } from './constructs/findings-table.js';
import { OperationalAlerts } from './constructs/notifications.js';
import { AuditSchedule } from './constructs/schedules.js';
import { PipelineFunctions } from './constructs/pipeline-functions.js';
import { SigningKeyFingerprint } from './constructs/signing-key-fingerprint.js';

export type HipaaAuditPipelineProps = PipelineConfig;

/**
 * The scheduled-audit pipeline: EventBridge Scheduler starts a Step Functions run that resolves the
 * target accounts, scans each through a read-only member role, and finalizes the run into DynamoDB and
 * the Object Lock evidence bucket; a second schedule mails the officers' digest.
 */
export class HipaaAuditPipeline extends Construct {
  readonly keys: AuditKeys;
  readonly storage: EvidenceStorage;
  readonly findings: FindingsTable;
  readonly functions: PipelineFunctions;
  readonly collector: CollectorRole;
  readonly auditor: AuditorRole;
  readonly workflow: AuditStateMachine;
  readonly alerts: OperationalAlerts;
  readonly signingKeyFingerprint: SigningKeyFingerprint;
  /** The sts:ExternalId member roles must require: configured, or unique to this deployment. */
  readonly externalId: string;

  constructor(scope: Construct, id: string, config: HipaaAuditPipelineProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.keys = new AuditKeys(this, 'Keys');
    const { dataKey, signingKey } = this.keys;
    this.storage = new EvidenceStorage(this, 'Storage', {
      dataKey, retentionYears: config.evidenceRetentionYears, bundleRetentionDays: config.bundleRetentionDays,
    });
    this.signingKeyFingerprint = new SigningKeyFingerprint(this, 'SigningKeyFingerprint', { signingKey, dataKey });
    this.externalId = config.externalId ?? deploymentExternalId();
    this.findings = new FindingsTable(this, 'Findings', { dataKey });
    this.alerts = new OperationalAlerts(this, 'Alerts', { dataKey, officerEmails: config.officerEmails });

    const sender = new ses.EmailIdentity(this, 'SenderIdentity', { identity: ses.Identity.email(config.senderEmail) });
    const senderArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: config.senderEmail });

    this.functions = new PipelineFunctions(this, 'Functions', {
      config,
      dataKey,
      signingKey,
      table: this.findings.table,
      evidenceBucket: this.storage.evidenceBucket,
      workBucket: this.storage.workBucket,
      bundleBucket: this.storage.bundleBucket,
      signingKeyFingerprint: this.signingKeyFingerprint.fingerprint,
      externalId: this.externalId,
      senderIdentityArn: senderArn,
      digestDeadLetterQueue: this.alerts.failedInvocations,
    });
    this.functions.digest.fn.node.addDependency(sender);

    const targetAccounts = 'accounts' in config.targets ? config.targets.accounts : undefined;
    this.collector = new CollectorRole(this, 'Collector', {
      trustedRoles: [this.functions.resolveTargets.role, this.functions.scanTarget.role],
      memberRoleName: config.memberRoleName,
      targetAccounts,
    });
    this.functions.grantAssumeCollector(this.collector.role);

    this.auditor = new AuditorRole(this, 'Auditor', { evidenceBucket: this.storage.evidenceBucket, dataKey, signingKey });

    this.workflow = new AuditStateMachine(this, 'Workflow', {
      resolveTargets: this.functions.resolveTargets.fn,
      scanTarget: this.functions.scanTarget.fn,
      sealAccount: this.functions.sealAccount.fn,
      recordAccount: this.functions.recordAccount.fn,
      finalizeRun: this.functions.finalizeRun.fn,
      scanTimeout: this.functions.scanTimeout,
      mapConcurrency: config.mapConcurrency,
      regionConcurrency: this.functions.regionConcurrency,
      workBucket: this.storage.workBucket,
      dataKey,
    });
    this.alerts.watchStateMachine(this.workflow.stateMachine);

    new AuditSchedule(this, 'ScanSchedule', {
      schedule: config.scanSchedule,
      description: 'Starts the scheduled HIPAA audit run',
      targetArn: this.workflow.stateMachine.stateMachineArn,
      targetAction: 'states:StartExecution',
      input: {},
      deadLetterQueue: this.alerts.failedInvocations,
      dataKey,
    });
    new AuditSchedule(this, 'DigestSchedule', {
      schedule: config.digestSchedule,
      description: "Sends the HIPAA officers' digest",
      targetArn: this.functions.digest.fn.functionArn,
      targetAction: 'lambda:InvokeFunction',
      // Scheduler substitutes the scheduled time: a retried or late delivery still reports its own week.
      input: { now: '<aws.scheduler.scheduled-time>' },
      deadLetterQueue: this.alerts.failedInvocations,
      dataKey,
    });

    const output = (name: string, value: string, description: string) =>
      new CfnOutput(stack, name, { value, description });
    output('FindingsTableName', this.findings.table.tableName, 'DynamoDB table with runs, findings and transitions');
    output('EvidenceBucketName', this.storage.evidenceBucket.bucketName, 'Object Lock (COMPLIANCE) evidence bucket');
    output('BundleBucketName', this.storage.bundleBucket.bucketName, `Evidence bundles for download links (no Object Lock; expire after ${config.bundleRetentionDays} days)`);
    output('SigningKeyId', signingKey.keyId, 'KMS key that signs evidence manifests (verify with kms:GetPublicKey)');
    output('SigningKeyFingerprint', this.signingKeyFingerprint.fingerprint, 'SHA-256 of the signing public key: pin it with hipaa-audit verify --trusted-key-fingerprint');
    output('ExternalId', this.externalId, 'Pass as ExternalId to the member-role StackSet (not a secret; unique to this deployment)');
    output('StateMachineArn', this.workflow.stateMachine.stateMachineArn, 'Audit run state machine (start manually with {} input)');
    output('CollectorRoleArn', this.collector.role.roleArn, 'Pass as CollectorRoleArn to the member-role StackSet');
    output('AuditorRoleArn', this.auditor.role.roleArn, 'Read-only evidence access for auditors');
  }
}

/**
 * An ExternalId unique to this deployment when none is configured: the UUID CloudFormation puts in the
 * stack id, which is fixed for the stack's life and different for every stack ever created. An
 * ExternalId is not a secret; what matters is that no other deployment (of this open-source pipeline,
 * with its documented default) presents the same value, which is what stops a confused deputy: a
 * collector of someone else's pipeline could otherwise assume a member role that trusts only by ExternalId.
 */
function deploymentExternalId(): string {
  return `hipaa-audit-${Fn.select(2, Fn.split('/', Aws.STACK_ID))}`;
}
