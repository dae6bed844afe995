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
});
export type Bucket = z.infer<typeof BucketSchema>;

const VolumeSchema = z.object({ id: z.string(), arn: z.string(), encrypted: z.boolean(), state: z.string() });
const EbsSnapshotSchema = z.object({
  id: z.string(),
  arn: z.string(),
  encrypted: z.boolean(),
  /** createVolumePermission grants group `all`. */
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
});
export type DbInstance = z.infer<typeof DbInstanceSchema>;
const DbSnapshotSchema = z.object({ id: z.string(), arn: z.string(), public: collectedSchema(z.boolean()) });
const TableSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** sseType null: encrypted with the AWS owned key (DynamoDB's default). */
  sse: collectedSchema(z.object({ sseType: z.string().nullable(), status: z.string().nullable() })),
  pitr: collectedSchema(z.object({ status: z.string() })),
});
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
const FileSystemSchema = z.object({ id: z.string(), arn: z.string(), name: z.string().nullable(), encrypted: z.boolean() });
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
const BackupPlanSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  rules: collectedSchema(z.array(z.object({ name: z.string(), deleteAfterDays: z.number().nullable() }))),
});

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
