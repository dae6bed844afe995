import { Duration, Stack, Validations } from 'aws-cdk-lib';
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
  /** Where the digest uploads the period's bundle (no Object Lock; expires). */
  bundleBucket: s3.IBucket;
  /** SHA-256 of the signing key's public key (a deploy-time value), shown in the officers' digest. */
  signingKeyFingerprint: string;
  /** The ExternalId the collector presents to member roles (configured, or derived per deployment). */
  externalId: string;
  senderIdentityArn: string;
  digestDeadLetterQueue: sqs.IQueue;
}

/** Why each scoped wildcard (cdk-nag AwsSolutions-IAM5) is as narrow as the keys allow. */
const WILDCARD_REASONS = {
  index: "Queries use the table's GSIs; the wildcard covers only this table's indexes.",
  'evidence/*/scans/*': "A scan attempt writes only under the scans/ part of its run's prefix; account and run ids are known only at run time.",
  'evidence/*': 'Evidence keys are per account and run; the wildcard covers the evidence/ prefix of this one bucket only.',
  'digests/*': 'Digest archives are keyed by period end; the wildcard covers the digests/ prefix of the evidence bucket only.',
  'runs/*': 'Work objects are keyed per run (target list, scan records); the wildcard covers the runs/ prefix of the work bucket only.',
  'bundles/*': 'Bundle keys are per period and upload; the wildcard covers the bundles/ prefix of the bundles bucket only.',
} as const;
type ScopedPrefix = Exclude<keyof typeof WILDCARD_REASONS, 'index'>;

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
      EXTERNAL_ID: props.externalId,
      ...('accounts' in config.targets ? { TARGET_ACCOUNTS: config.targets.accounts.join(',') } : { USE_ORGANIZATION: 'true' }),
      REGIONS: config.regions.join(','),
      OFFICER_EMAILS: config.officerEmails.join(','),
      SENDER_EMAIL: config.senderEmail,
      ORGANIZATION_NAME: config.organizationName,
      BUNDLE_LINK_EXPIRY_DAYS: String(config.bundleLinkExpiryDays),
      HISTORY_RETENTION_DAYS: String(config.historyRetentionDays),
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
      timeout: Duration.minutes(5),
      memorySize: 512,
      reservedConcurrency: reserved.sendDigest,
      deadLetterQueue: props.digestDeadLetterQueue,
    });
    // Async invocation (the schedule): two retries, then the DLQ, whose alarm pages the officers.
    this.digest.fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1) });

    const all = [this.resolveTargets, this.scanTarget, this.sealAccount, this.recordAccount, this.finalizeRun, this.digest];
    const stepFunctions = [this.resolveTargets, this.scanTarget, this.sealAccount, this.recordAccount, this.finalizeRun];
    // Each function gets exactly the calls its code makes (test/infra/function-policies.test.ts pins them).
    // S3: HeadObject is authorized by s3:GetObject; every PutObject is create-only (If-None-Match) and a
    // single request, so no multipart actions. KMS: reading an SSE-KMS object or a CMK-encrypted table
    // needs Decrypt, writing an SSE-KMS object GenerateDataKey, and DynamoDB's writers the documented
    // Encrypt/Decrypt/GenerateDataKey on the table's key.
    // ResolveTargets: run lock (get, conditional put, delete when there is nothing to scan); target list.
    this.resolveTargets.allow(this.useDataKey(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']));
    this.grantTable(this.resolveTargets, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], false);
    this.grantWork(this.resolveTargets, ['s3:GetObject', 's3:PutObject']);
    // ScanTarget: reads the acceptances, writes one attempt's raw evidence (under scans/) and its record.
    this.scanTarget.allow(this.useDataKey(['kms:Decrypt', 'kms:GenerateDataKey']));
    this.grantTable(this.scanTarget, ['dynamodb:Query'], false);
    this.grantEvidence(this.scanTarget, 'ScanAttemptEvidence', ['s3:GetObject', 's3:PutObject'], ['evidence/*/scans/*']);
    this.grantWork(this.scanTarget, ['s3:GetObject', 's3:PutObject']);
    // SealAccount: reads the attempts' records, finds the previous chain link, writes and signs the seal.
    this.sealAccount.allow(this.useDataKey(['kms:Decrypt', 'kms:GenerateDataKey']));
    this.grantEvidence(this.sealAccount, 'SealedEvidence', ['s3:GetObject', 's3:PutObject'], ['evidence/*']);
    this.sealAccount.allow(this.listEvidence(['evidence/*']));
    this.grantWork(this.sealAccount, ['s3:GetObject']);
    this.sealAccount.allow(this.sign());
    // RecordAccount: reads the sealed findings, writes the account's states, transitions and run item.
    this.recordAccount.allow(this.useDataKey(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']));
    this.grantTable(this.recordAccount, ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'], false);
    this.grantEvidence(this.recordAccount, 'ReadSealedEvidence', ['s3:GetObject'], ['evidence/*']);
    // Findings about global resources (IAM, CloudFront) are imported in the pipeline's own region.
    if (config.securityHub) this.exportToSecurityHub([...new Set([...config.regions, Stack.of(this).region])]);
    // FinalizeRun: reads the target list and the account runs, writes the run item, releases the lock.
    this.finalizeRun.allow(this.useDataKey(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']));
    this.grantTable(this.finalizeRun, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], false);
    this.grantWork(this.finalizeRun, ['s3:GetObject']);
    // SendDigest: queries the store (and its indexes), records the digest in the ledger, reads evidence for
    // the bundle and the previous digest's posture, archives the digest (digests/), and uploads the bundle to
    // the bundles bucket, whose link it pre-signs with its own role (so it reads and decrypts it too).
    this.digest.allow(this.useDataKey(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']));
    this.grantTable(this.digest, ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'], true);
    this.grantEvidence(this.digest, 'ReadEvidenceAndDigests', ['s3:GetObject'], ['evidence/*', 'digests/*']);
    this.grantEvidence(this.digest, 'ArchiveDigests', ['s3:PutObject'], ['digests/*']);
    this.digest.allow(this.listEvidence(['evidence/*', 'digests/*']));
    this.grantObjects(this.digest, 'UploadAndLinkBundles', props.bundleBucket, ['s3:PutObject', 's3:GetObject'], ['bundles/*']);
    // SES v2 SendEmail with raw MIME content is authorized as ses:SendRawEmail in addition to ses:SendEmail.
    this.digest.allow(
      new iam.PolicyStatement({ sid: 'SendDigestMail', actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [props.senderIdentityArn] }),
    );
    // (The digest's DLQ is SSE-KMS with the data key: its UseDataKey covers the Lambda service's send.)
    this.digest.fn.addEnvironment('BUNDLE_BUCKET', props.bundleBucket.bucketName);
    this.digest.fn.addEnvironment('SIGNING_KEY_FINGERPRINT', props.signingKeyFingerprint);

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

  /**
   * `securityHub: true`: RecordAccount imports each account's findings into this (audit) account's Security
   * Hub, in each configured region: its default product only, and reads back its findings to archive the
   * resolved ones. The only write outside the pipeline's own resources, and never in member accounts.
   */
  private exportToSecurityHub(regions: readonly string[]): void {
    const { partition, account } = Stack.of(this);
    const arn = (region: string, resource: string) => `arn:${partition}:securityhub:${region}:${account}:${resource}`;
    this.recordAccount.allow(new iam.PolicyStatement({
      sid: 'ImportSecurityHubFindings', actions: ['securityhub:BatchImportFindings'], resources: regions.map((r) => arn(r, `product/${account}/default`)),
    }));
    this.recordAccount.allow(new iam.PolicyStatement({
      sid: 'ReadSecurityHubFindings', actions: ['securityhub:GetFindings'], resources: regions.map((r) => arn(r, 'hub/default')),
    }));
    // A failed import is noted on the account's run item (UpdateItem), so the run and the digest show it.
    this.recordAccount.allow(new iam.PolicyStatement({
      sid: 'NoteExportErrors', actions: ['dynamodb:UpdateItem'], resources: [this.props.table.tableArn],
    }));
    this.recordAccount.fn.addEnvironment('SECURITY_HUB', 'true');
  }

  /** Lets the resolve and scan functions chain into the collector role, and tells them its ARN. */
  grantAssumeCollector(collectorRole: iam.IRole): void {
    for (const f of [this.resolveTargets, this.scanTarget]) {
      f.allow(new iam.PolicyStatement({ sid: 'AssumeCollectorRole', actions: ['sts:AssumeRole'], resources: [collectorRole.roleArn] }));
      f.fn.addEnvironment('COLLECTOR_ROLE_ARN', collectorRole.roleArn);
    }
  }

  private useDataKey(actions: string[]): iam.PolicyStatement {
    return new iam.PolicyStatement({ sid: 'UseDataKey', actions, resources: [this.props.dataKey.keyArn] });
  }

  private grantTable(f: AuditFunction, actions: string[], indexes: boolean): void {
    const arn = this.props.table.tableArn;
    f.allow(new iam.PolicyStatement({ sid: 'FindingsTable', actions, resources: indexes ? [arn, `${arn}/index/*`] : [arn] }));
    if (indexes) this.acknowledgeWildcard(f, `${nagArnRef(this.props.table)}/index/*`, WILDCARD_REASONS.index);
  }

  private grantEvidence(f: AuditFunction, sid: string, actions: string[], prefixes: ScopedPrefix[]): void {
    this.grantObjects(f, sid, this.props.evidenceBucket, actions, prefixes);
  }

  private grantWork(f: AuditFunction, actions: string[]): void {
    this.grantObjects(f, 'WorkObjects', this.props.workBucket, actions, ['runs/*']);
  }

  private grantObjects(f: AuditFunction, sid: string, bucket: s3.IBucket, actions: string[], prefixes: ScopedPrefix[]): void {
    f.allow(new iam.PolicyStatement({ sid, actions, resources: prefixes.map((p) => bucket.arnForObjects(p)) }));
    for (const p of prefixes) this.acknowledgeWildcard(f, `${nagArnRef(bucket)}/${p}`, WILDCARD_REASONS[p]);
  }

  private acknowledgeWildcard(f: AuditFunction, resource: string, reason: string): void {
    Validations.of(f.policy).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
  }

  /** Prefix listings only (chain links, digest archives); every ListObjectsV2 the code sends names one. */
  private listEvidence(prefixes: string[]): iam.PolicyStatement {
    return new iam.PolicyStatement({
      sid: 'ListEvidence',
      actions: ['s3:ListBucket'],
      resources: [this.props.evidenceBucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes } },
    });
  }

  private sign(): iam.PolicyStatement {
    return new iam.PolicyStatement({ sid: 'SignManifests', actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [this.props.signingKey.keyArn] });
  }
}
