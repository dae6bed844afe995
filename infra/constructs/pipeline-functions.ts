import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { REGION_CONCURRENCY, reservedConcurrency } from '../../lib/config/lambda-concurrency.js';
import type { PipelineConfig } from '../../lib/config/pipeline-config.js';
import { nagArnRef } from '../nag-ids.js';
import { AuditFunction } from './audit-function.js';

export interface PipelineFunctionsProps {
  config: PipelineConfig;
  dataKey: kms.IKey;
  signingKey: kms.IKey;
  table: dynamodb.ITable;
  evidenceBucket: s3.IBucket;
  workBucket: s3.IBucket;
  senderIdentityArn: string;
  digestDeadLetterQueue: sqs.IQueue;
}

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'];

/**
 * The six thin handlers in functions/. Each has its own role whose permissions are exactly the
 * statements below; none of them can read audited accounts except through the collector role.
 */
export class PipelineFunctions extends Construct {
  readonly resolveTargets: AuditFunction;
  readonly scanTarget: AuditFunction;
  readonly sealAccount: AuditFunction;
  readonly recordAccount: AuditFunction;
  readonly finalizeRun: AuditFunction;
  readonly digest: AuditFunction;
  /** The scan Lambda's timeout (Lambda's maximum): one region of one account (see `npm run bench`). */
  readonly scanTimeout = Duration.minutes(15);
  /** Regions of one account scanned at once; with the Map's account concurrency this bounds the scan Lambdas. */
  readonly regionConcurrency = REGION_CONCURRENCY;

  constructor(scope: Construct, id: string, private readonly props: PipelineFunctionsProps) {
    super(scope, id);
    const { config, dataKey } = props;
    const environment: Record<string, string> = {
      TABLE_NAME: props.table.tableName,
      EVIDENCE_BUCKET: props.evidenceBucket.bucketName,
      WORK_BUCKET: props.workBucket.bucketName,
      SIGNING_KEY_ID: props.signingKey.keyId,
      MEMBER_ROLE_NAME: config.memberRoleName,
      EXTERNAL_ID: config.externalId,
      ...('accounts' in config.targets ? { TARGET_ACCOUNTS: config.targets.accounts.join(',') } : { USE_ORGANIZATION: 'true' }),
      REGIONS: config.regions.join(','),
      OFFICER_EMAILS: config.officerEmails.join(','),
      SENDER_EMAIL: config.senderEmail,
      ORGANIZATION_NAME: config.organizationName,
      BUNDLE_LINK_EXPIRY_DAYS: String(config.bundleLinkExpiryDays),
      ...(config.thresholds ? { THRESHOLDS: JSON.stringify(config.thresholds) } : {}),
      ...(config.allowBelowHipaaMinimum ? { ALLOW_BELOW_HIPAA_MINIMUM: 'true' } : {}),
    };
    const common = { environment, dataKey };
    const reserved = reservedConcurrency(config.mapConcurrency);

    this.resolveTargets = new AuditFunction(this, 'ResolveTargets', {
      ...common,
      entry: 'resolve-targets.ts',
      description: 'Takes the run lock and writes the accounts and regions of one audit run to the work bucket',
      timeout: Duration.minutes(2),
      memorySize: 256,
      reservedConcurrency: reserved.resolveTargets,
    });
    this.scanTarget = new AuditFunction(this, 'ScanTarget', {
      ...common,
      entry: 'scan-target.ts',
      description: 'Scans one region of one account through its read-only member role',
      timeout: this.scanTimeout,
      memorySize: 1024,
      reservedConcurrency: reserved.scanTarget,
    });
    this.sealAccount = new AuditFunction(this, 'SealAccount', {
      ...common,
      entry: 'seal-account.ts',
      description: "Seals one account's run: findings, signed manifest, hash-chain link",
      timeout: Duration.minutes(5),
      memorySize: 1024,
      reservedConcurrency: reserved.sealAccount,
    });
    this.recordAccount = new AuditFunction(this, 'RecordAccount', {
      ...common,
      entry: 'record-account.ts',
      description: "Records one account's sealed findings and transitions in the findings table",
      timeout: Duration.minutes(5),
      memorySize: 1024,
      reservedConcurrency: reserved.recordAccount,
    });
    this.finalizeRun = new AuditFunction(this, 'FinalizeRun', {
      ...common,
      entry: 'finalize-run.ts',
      description: 'Records the run from its accounts and releases the run lock',
      timeout: Duration.minutes(5),
      // Holds one small item per account (coverage and errors grow with regions): 1 GB keeps a 2x margin at
      // 1,000 accounts x 17 regions over the benchmark's measured peak (`npm run bench`, organization).
      memorySize: 1024,
      reservedConcurrency: reserved.finalizeRun,
    });
    this.digest = new AuditFunction(this, 'SendDigest', {
      ...common,
      entry: 'send-digest.ts',
      description: "Emails the HIPAA officers' digest",
      // The trend chart is rasterized by resvg's WebAssembly build with a bundled font, both read from disk.
      nodeModules: ['@resvg/resvg-wasm', 'dejavu-fonts-ttf'],
      timeout: Duration.minutes(5),
      memorySize: 512,
      reservedConcurrency: reserved.sendDigest,
      deadLetterQueue: props.digestDeadLetterQueue,
    });
    // Async invocation (the schedule): two retries, then the DLQ, whose alarm pages the officers.
    this.digest.fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1) });

    const all = [this.resolveTargets, this.scanTarget, this.sealAccount, this.recordAccount, this.finalizeRun, this.digest];
    const stepFunctions = [this.resolveTargets, this.scanTarget, this.sealAccount, this.recordAccount, this.finalizeRun];
    for (const f of all) f.allow(this.useDataKey());
    // Run lock (resolve, finalize), suppressions (scan), states and transitions (record), run item (finalize).
    for (const f of [this.resolveTargets, this.scanTarget, this.recordAccount, this.finalizeRun]) f.allow(this.tableAccess(true));
    for (const f of [this.resolveTargets, this.scanTarget, this.sealAccount, this.finalizeRun]) f.allow(this.work());
    this.scanTarget.allow(this.evidence(['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload']));
    this.sealAccount.allow(this.evidence(['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload']));
    this.sealAccount.allow(this.sign());
    this.recordAccount.allow(this.evidence(['s3:GetObject']));
    this.digest.allow(this.tableAccess(true));
    // The digest builds and uploads the bundle, archives the mail, and pre-signs links with its own role
    // (so it needs read and decrypt itself).
    this.digest.allow(this.evidence(['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload']));
    // Evidence chains and digest archives are found by prefix listing (ListObjectsV2).
    for (const f of [this.sealAccount, this.digest]) f.allow(this.listEvidence());
    this.digest.allow(
      new iam.PolicyStatement({ sid: 'SendDigestMail', actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [props.senderIdentityArn] }),
    );
    // (The digest's DLQ is SSE-KMS with the data key: UseDataKey above covers the Lambda service's send.)

    for (const f of all) this.acknowledgeScopedWildcards(f);
    for (const f of stepFunctions) {
      Validations.of(f.fn).acknowledge({
        id: 'HIPAA.Security-LambdaDLQ',
        reason: 'Invoked synchronously by Step Functions, where a DLQ never applies; failures are retried and caught by the state machine and alarmed on.',
      });
    }
    for (const f of all) {
      Validations.of(f.fn).acknowledge({
        id: 'HIPAA.Security-LambdaInsideVPC',
        reason:
          'The functions call only AWS public APIs (STS, every audited service in every target region, DynamoDB, S3, KMS, SES) and hold no network-reachable data; a VPC would need NAT or per-region endpoints without reducing exposure.',
      });
    }
  }

  /** Lets the resolve and scan functions chain into the collector role, and tells them its ARN. */
  grantAssumeCollector(collectorRole: iam.IRole): void {
    for (const f of [this.resolveTargets, this.scanTarget]) {
      f.allow(new iam.PolicyStatement({ sid: 'AssumeCollectorRole', actions: ['sts:AssumeRole'], resources: [collectorRole.roleArn] }));
      f.fn.addEnvironment('COLLECTOR_ROLE_ARN', collectorRole.roleArn);
    }
  }

  private useDataKey(): iam.PolicyStatement {
    return new iam.PolicyStatement({
      sid: 'UseDataKey',
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      resources: [this.props.dataKey.keyArn],
    });
  }

  private tableAccess(write: boolean): iam.PolicyStatement {
    const arn = this.props.table.tableArn;
    return new iam.PolicyStatement({
      sid: write ? 'ReadWriteFindingsTable' : 'ReadFindingsTable',
      actions: write ? [...TABLE_READ, ...TABLE_WRITE] : TABLE_READ,
      resources: [arn, `${arn}/index/*`],
    });
  }

  private evidence(actions: string[]): iam.PolicyStatement {
    return new iam.PolicyStatement({ sid: 'EvidenceObjects', actions, resources: [this.props.evidenceBucket.arnForObjects('*')] });
  }

  private work(): iam.PolicyStatement {
    return new iam.PolicyStatement({ sid: 'WorkObjects', actions: ['s3:PutObject', 's3:GetObject'], resources: [this.props.workBucket.arnForObjects('runs/*')] });
  }

  private listEvidence(): iam.PolicyStatement {
    return new iam.PolicyStatement({ sid: 'ListEvidence', actions: ['s3:ListBucket'], resources: [this.props.evidenceBucket.bucketArn] });
  }

  private sign(): iam.PolicyStatement {
    return new iam.PolicyStatement({ sid: 'SignManifests', actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [this.props.signingKey.keyArn] });
  }

  private acknowledgeScopedWildcards(f: AuditFunction): void {
    if (f !== this.sealAccount) {
      Validations.of(f.policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArnRef(this.props.table)}/index/*]`,
        reason: 'Queries use the table GSI1/GSI2 indexes; the wildcard covers only this table\'s indexes.',
      });
    }
    if (f !== this.resolveTargets && f !== this.finalizeRun) {
      Validations.of(f.policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArnRef(this.props.evidenceBucket)}/*]`,
        reason: 'Evidence object keys are per run and per account; the wildcard covers objects of this one bucket only.',
      });
    }
    if (f !== this.recordAccount && f !== this.digest) {
      Validations.of(f.policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArnRef(this.props.workBucket)}/runs/*]`,
        reason: 'Work objects are keyed per run (target list, scan records); the wildcard covers the runs/ prefix of the work bucket only.',
      });
    }
  }
}
