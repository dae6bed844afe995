import { z } from 'zod';
import { collectedSchema } from './collected.js';

/** The four S3 Block Public Access flags (bucket or account level). */
export const PublicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});
export type PublicAccessBlock = z.infer<typeof PublicAccessBlockSchema>;

/** Tag key -> value. */
export const TagsSchema = z.record(z.string(), z.string());
export type Tags = z.infer<typeof TagsSchema>;

/** A bucket policy statement that allows everyone without a restricting condition. */
export const PublicPolicyStatementSchema = z.object({
  /** The statement's Sid, or `#<index>` (0-based) when it has none. */
  label: z.string(),
  access: z.enum(['read', 'write', 'read/write']),
  actions: z.array(z.string()),
});
export type PublicPolicyStatement = z.infer<typeof PublicPolicyStatementSchema>;
/** An ACL grant to AllUsers (anyone) or AuthenticatedUsers (any AWS account). */
export const PublicGrantSchema = z.object({ grantee: z.enum(['AllUsers', 'AuthenticatedUsers']), permission: z.string() });
export const ReplicationRuleSchema = z.object({
  id: z.string().nullable(),
  enabled: z.boolean(),
  destinationBucketArn: z.string(),
  destinationAccount: z.string().nullable(),
});
export const LifecycleRuleSchema = z.object({
  id: z.string().nullable(),
  enabled: z.boolean(),
  noncurrentExpirationDays: z.number().nullable(),
  noncurrentTransitions: z.number(),
});

export const BucketSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** Bucket region; the home region when GetBucketLocation failed (then `location` holds the error). */
  region: z.string(),
  location: collectedSchema(z.string()),
  /** null: no default encryption configuration. */
  encryption: collectedSchema(z.object({ algorithms: z.array(z.string()) }).nullable()),
  /** null: no bucket policy. `publicStatement` names the statement that allows anyone, unconditionally. */
  policy: collectedSchema(z.object({ denyInsecureTransport: z.boolean(), publicStatement: z.string().nullable() }).nullable()),
  publicAccessBlock: collectedSchema(PublicAccessBlockSchema.nullable()),
  versioning: collectedSchema(z.object({ status: z.string().nullable(), mfaDelete: z.string().nullable() })),
  logging: collectedSchema(z.object({ targetBucket: z.string().nullable() })),
  /** null: object lock was never configured on the bucket. */
  objectLock: collectedSchema(z.object({ enabled: z.boolean(), mode: z.string().nullable() }).nullable()),
  /** From the same GetBucketPolicy answer as `policy` (no extra call); null: no bucket policy. */
  publicPolicyStatements: collectedSchema(z.array(PublicPolicyStatementSchema).nullable()),
  /** ObjectOwnership setting; null: no ownership controls (ACLs in effect, legacy ObjectWriter). */
  ownership: collectedSchema(z.string().nullable()),
  /** Outer null: not read because ACLs are disabled (BucketOwnerEnforced), so grants have no effect. */
  acl: collectedSchema(z.object({ publicGrants: z.array(PublicGrantSchema) })).nullable(),
  tags: collectedSchema(TagsSchema),
  /** Outer null: not read because versioning was never enabled (replication requires it). Inner null: none configured. */
  replication: collectedSchema(z.array(ReplicationRuleSchema).nullable()).nullable(),
  /** Outer null: not read because versioning was never enabled. Inner null: no lifecycle configuration. */
  lifecycle: collectedSchema(z.array(LifecycleRuleSchema).nullable()).nullable(),
});
export type Bucket = z.infer<typeof BucketSchema>;

const VolumeSchema = z.object({ id: z.string(), arn: z.string(), encrypted: z.boolean(), state: z.string(), tags: TagsSchema });
/** EC2 instances (AWS Backup protects them as a resource type). */
const Ec2InstanceSchema = z.object({ id: z.string(), arn: z.string(), state: z.string(), tags: TagsSchema });
const EbsSnapshotSchema = z.object({
  id: z.string(),
  arn: z.string(),
  encrypted: z.boolean(),
  /** createVolumePermission grants group `all`. */
  public: collectedSchema(z.boolean()),
});
/** `rds.force_ssl` / `require_secure_transport` as found in a custom (cluster) parameter group; absent = not set. */
export const TlsParametersSchema = z.object({ forceSsl: z.string().nullable(), requireSecureTransport: z.string().nullable() });
export type TlsParameters = z.infer<typeof TlsParametersSchema>;

export const DbClusterSchema = z.object({
  id: z.string(),
  arn: z.string(),
  engine: z.string(),
  engineVersion: z.string(),
  storageEncrypted: z.boolean(),
  deletionProtection: z.boolean(),
  backupRetentionPeriod: z.number(),
  parameterGroup: z.string().nullable(),
  /** Null for a `default.*` cluster parameter group (engine defaults, not read). */
  tlsParameters: collectedSchema(TlsParametersSchema).nullable(),
  tags: TagsSchema,
});
export type DbCluster = z.infer<typeof DbClusterSchema>;
const DbClusterSnapshotSchema = z.object({
  id: z.string(),
  arn: z.string(),
  clusterId: z.string(),
  encrypted: z.boolean(),
  public: collectedSchema(z.boolean()),
});

export const DbInstanceSchema = z.object({
  id: z.string(),
  arn: z.string(),
  engine: z.string(),
  storageEncrypted: z.boolean(),
  publiclyAccessible: z.boolean(),
  backupRetentionPeriod: z.number(),
  deletionProtection: z.boolean(),
  multiAz: z.boolean(),
  engineVersion: z.string(),
  /** Set when the instance is a member of an Aurora or Multi-AZ DB cluster (the cluster holds storage and TLS settings). */
  clusterId: z.string().nullable(),
  logsExported: z.array(z.string()),
  /** Enhanced monitoring interval in seconds; 0 = off. */
  monitoringInterval: z.number(),
  iamAuthentication: z.boolean(),
  autoMinorVersionUpgrade: z.boolean(),
  parameterGroup: z.string().nullable(),
  /** TLS parameters set in a custom parameter group; null for a `default.*` group (engine defaults, not read). */
  tlsParameters: collectedSchema(TlsParametersSchema).nullable(),
  tags: TagsSchema,
});
export type DbInstance = z.infer<typeof DbInstanceSchema>;
const DbSnapshotSchema = z.object({ id: z.string(), arn: z.string(), public: collectedSchema(z.boolean()), encrypted: z.boolean() });
const TableSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** sseType null: encrypted with the AWS owned key (DynamoDB's default). */
  sse: collectedSchema(z.object({ sseType: z.string().nullable(), status: z.string().nullable() })),
  pitr: collectedSchema(z.object({ status: z.string() })),
  /** From DescribeTable (no extra call). */
  deletionProtection: collectedSchema(z.boolean()),
  tags: collectedSchema(TagsSchema),
});
const DaxClusterSchema = z.object({ name: z.string(), arn: z.string(), sseStatus: z.string().nullable() });
export const KmsKeySchema = z.object({
  id: z.string(),
  arn: z.string(),
  details: collectedSchema(
    z.object({
      keyManager: z.string(),
      keyState: z.string(),
      keySpec: z.string(),
      keyUsage: z.string(),
      origin: z.string(),
      deletionDate: z.string().nullable(),
    }),
  ),
  /** null when rotation does not apply (AWS managed, asymmetric, imported, not enabled). */
  rotationEnabled: collectedSchema(z.boolean()).nullable(),
});
export type KmsKey = z.infer<typeof KmsKeySchema>;
const FileSystemSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string().nullable(),
  encrypted: z.boolean(),
  tags: TagsSchema,
  /** Automatic backups status (ENABLED, DISABLED, ...); null: no backup policy (PolicyNotFound). */
  backupPolicy: collectedSchema(z.string().nullable()),
  /** File system policy denies requests where aws:SecureTransport is false; null: no policy (default policy). */
  policy: collectedSchema(z.object({ deniesInsecureTransport: z.boolean() }).nullable()),
});
const TopicSchema = z.object({
  arn: z.string(),
  name: z.string(),
  kmsMasterKeyId: collectedSchema(z.string().nullable()),
  /** GetTopicAttributes' SubscriptionsConfirmed: subscribers who will actually receive a message. */
  subscriptionsConfirmed: collectedSchema(z.number()),
});
const QueueSchema = z.object({
  url: z.string(),
  name: z.string(),
  arn: z.string(),
  encryption: collectedSchema(z.object({ kmsMasterKeyId: z.string().nullable(), sqsManagedSse: z.boolean() })),
});
const BackupTagConditionSchema = z.object({ operator: z.string(), key: z.string(), value: z.string() });
export const BackupSelectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  detail: collectedSchema(
    z.object({
      resources: z.array(z.string()),
      notResources: z.array(z.string()),
      /** ListOfTags: any one matches (OR). Keys are tag keys. */
      listOfTags: z.array(BackupTagConditionSchema),
      /** Conditions: all must match (AND). Keys are tag keys (the `aws:ResourceTag/` prefix removed). */
      conditions: z.array(BackupTagConditionSchema),
    }),
  ),
});
export type BackupSelection = z.infer<typeof BackupSelectionSchema>;
const BackupPlanSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  rules: collectedSchema(
    z.array(
      z.object({
        name: z.string(),
        deleteAfterDays: z.number().nullable(),
        scheduleExpression: z.string().nullable(),
        /** Recovery points of a continuous-backup rule (PITR) are taken continuously. */
        continuousBackup: z.boolean(),
      }),
    ),
  ),
  selections: collectedSchema(z.array(BackupSelectionSchema)),
});
export type BackupPlan = z.infer<typeof BackupPlanSchema>;
const BackupVaultSchema = z.object({
  name: z.string(),
  arn: z.string(),
  locked: z.boolean(),
  /** Access policy denies backup:DeleteRecoveryPoint; null: no access policy. */
  accessPolicy: collectedSchema(z.object({ deniesDeleteRecoveryPoint: z.boolean() }).nullable()),
  recoveryPoints: collectedSchema(z.object({ count: z.number(), unencryptedArns: z.array(z.string()) })),
});
const ProtectedResourceSchema = z.object({ arn: z.string(), type: z.string(), lastBackupTime: z.string().nullable() });

export const StorageRegionSchema = z.object({
  ebsEncryptionByDefault: collectedSchema(z.boolean()),
  volumes: collectedSchema(z.array(VolumeSchema)),
  snapshots: collectedSchema(z.array(EbsSnapshotSchema)),
  dbInstances: collectedSchema(z.array(DbInstanceSchema)),
  dbSnapshots: collectedSchema(z.array(DbSnapshotSchema)),
  tables: collectedSchema(z.array(TableSchema)),
  kmsKeys: collectedSchema(z.array(KmsKeySchema)),
  fileSystems: collectedSchema(z.array(FileSystemSchema)),
  topics: collectedSchema(z.array(TopicSchema)),
  queues: collectedSchema(z.array(QueueSchema)),
  backupPlans: collectedSchema(z.array(BackupPlanSchema)),
  dbClusters: collectedSchema(z.array(DbClusterSchema)),
  dbClusterSnapshots: collectedSchema(z.array(DbClusterSnapshotSchema)),
  ec2Instances: collectedSchema(z.array(Ec2InstanceSchema)),
  daxClusters: collectedSchema(z.array(DaxClusterSchema)),
  backupVaults: collectedSchema(z.array(BackupVaultSchema)),
  /** Resources AWS Backup has backed up at least once, with the latest backup time. */
  protectedResources: collectedSchema(z.array(ProtectedResourceSchema)),
  restoreTestingPlans: collectedSchema(z.array(z.object({ name: z.string(), arn: z.string() }))),
});
export type StorageRegion = z.infer<typeof StorageRegionSchema>;

export const StorageSnapshotSchema = z.object({
  /** Global parts: absent when the target does not include global services. */
  buckets: collectedSchema(z.array(BucketSchema)).optional(),
  /** S3 Control account-level Block Public Access; data null when never configured. */
  accountPublicAccessBlock: collectedSchema(PublicAccessBlockSchema.nullable()).optional(),
  regions: z.record(z.string(), StorageRegionSchema),
});
export type StorageSnapshot = z.infer<typeof StorageSnapshotSchema>;
