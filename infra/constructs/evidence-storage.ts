import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Work data lives long enough to debug a run and to redrive it, then expires. */
const WORK_DATA_DAYS = 30;

export interface EvidenceStorageProps {
  dataKey: kms.IKey;
  /** Object Lock COMPLIANCE default retention, in whole years (HIPAA 164.316(b)(2)(i): at least 6). */
  retentionYears: number;
  /** Days an uploaded evidence bundle (a copy of evidence, for download) is kept before it expires. */
  bundleRetentionDays: number;
}

/**
 * WORM evidence store plus the bucket that receives its S3 server access logs (who read which evidence).
 * Everything is retained on stack deletion: Object Lock makes the objects undeletable anyway, and a
 * failed delete of a locked bucket would leave the stack stuck in DELETE_FAILED.
 */
export class EvidenceStorage extends Construct {
  readonly evidenceBucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;
  /** What the pipeline's steps hand each other (target lists, scan records, Map results): not evidence. */
  readonly workBucket: s3.Bucket;
  /**
   * Evidence bundles (zips of evidence that is already locked) for the officers' download links: no
   * Object Lock, so weekly zips, retries and re-triggered digests expire instead of piling up for years.
   */
  readonly bundleBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: EvidenceStorageProps) {
    super(scope, id);
    const retentionDays = props.retentionYears * 366;

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access log delivery only supports SSE-S3 destination buckets, not SSE-KMS.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'archive-access-logs',
          transitions: [
            { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) },
            { storageClass: s3.StorageClass.DEEP_ARCHIVE, transitionAfter: Duration.days(365) },
          ],
          // Access logs are evidence of who read the evidence: kept as long as the evidence itself.
          expiration: Duration.days(retentionDays),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });
    Validations.of(this.accessLogBucket).acknowledge(
      { id: 'HIPAA.Security-S3DefaultEncryptionKMS', reason: 'S3 server access log delivery does not support SSE-KMS destination buckets; SSE-S3 is the only option.' },
      { id: 'HIPAA.Security-S3BucketReplicationEnabled', reason: 'Access logs are operational records of this single-region pipeline; cross-region replication is optional (docs/deploy.md).' },
    );

    this.evidenceBucket = new s3.Bucket(this, 'Evidence', {
      ...this.privateBucketProps(props.dataKey, 'evidence/'),
      objectLockEnabled: true,
      lifecycleRules: [
        {
          id: 'archive-evidence',
          // Evidence is read in the first weeks (digest links, reviews) and then only for audits.
          transitions: [
            { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) },
            { storageClass: s3.StorageClass.DEEP_ARCHIVE, transitionAfter: Duration.days(365) },
          ],
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    // The L2 only renders retention in Days; 365 * years falls one or two leap days short of the
    // required years, so set the unit S3 itself counts in calendar years.
    const cfnEvidence = this.evidenceBucket.node.defaultChild as s3.CfnBucket;
    cfnEvidence.objectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: 'COMPLIANCE', years: props.retentionYears } },
    };
    // Not Object Lock: nothing here is evidence (what is sealed is copied into manifests' hashes and the
    // evidence bucket), it expires, and Step Functions' ResultWriter writes here with plain PUTs.
    this.workBucket = new s3.Bucket(this, 'Work', {
      ...this.privateBucketProps(props.dataKey, 'work/'),
      lifecycleRules: [
        {
          id: 'expire-work-data',
          expiration: Duration.days(WORK_DATA_DAYS),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    Validations.of(this.workBucket).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason: 'Work data (target lists, scan records, Map results) is transient and re-created by the next run; it expires after 30 days and is never evidence.',
    });

    // Object Lock keeps every version, but a plain PUT over an existing key still makes a new *current*
    // version, which plain GETs (and bundles) then return. Only create-only writes are allowed: S3 sets
    // s3:if-none-match from the If-None-Match header, and Null=true means the request had none. No
    // multipart exemption (s3:ObjectCreationOperation): the pipeline never uploads evidence in parts, so
    // every UploadPart is refused as well, and CopyObject (which cannot be made conditional) too.
    this.evidenceBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyWritesThatCouldReplaceEvidence',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: [this.evidenceBucket.arnForObjects('*')],
        conditions: { Null: { 's3:if-none-match': 'true' } },
      }),
    );

    this.bundleBucket = new s3.Bucket(this, 'Bundles', {
      // Versioned like the others (cdk-nag HIPAA.Security-S3BucketVersioningEnabled); a bundle key is never
      // reused, and noncurrent versions expire with the current ones.
      ...this.privateBucketProps(props.dataKey, 'bundles/'),
      lifecycleRules: [
        {
          id: 'expire-bundles',
          expiration: Duration.days(props.bundleRetentionDays),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    Validations.of(this.bundleBucket).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason: 'Bundles are download copies of evidence that is kept (locked) in the evidence bucket; they expire after days and can be rebuilt with `hipaa-audit bundle`.',
    });

    Validations.of(this.evidenceBucket).acknowledge({
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason:
        'Integrity and availability come from Object Lock COMPLIANCE + versioning + 11x9s regional durability; cross-region replication would need a second locked bucket and key per region and is documented as an option in docs/deploy.md.',
    });
  }

  /**
   * What every bucket here shares: SSE-KMS with the data key (one bucket key instead of a data key per
   * object: far fewer KMS calls for thousands of evidence files), no public access, TLS only, versioned,
   * access-logged under its own prefix, retained when the stack is deleted.
   */
  private privateBucketProps(dataKey: kms.IKey, logPrefix: string): s3.BucketProps {
    return {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: logPrefix,
      removalPolicy: RemovalPolicy.RETAIN,
    };
  }
}
