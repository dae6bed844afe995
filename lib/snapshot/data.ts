import { z } from 'zod';
import { collectedSchema } from './collected.js';

/** Analytics and data services: warehouses, search, caches, ML notebooks, streams, migration, secrets, certificates. */

export const RedshiftClusterSchema = z.object({
  id: z.string(),
  arn: z.string(),
  encrypted: z.boolean(),
  /** null: not encrypted, or encrypted with an AWS owned key. */
  kmsKeyId: z.string().nullable(),
  publiclyAccessible: z.boolean(),
  enhancedVpcRouting: z.boolean(),
  automatedSnapshotRetentionPeriod: z.number(),
  parameterGroupName: z.string().nullable(),
  /**
   * `require_ssl` of the cluster's parameter group. Default groups (`default.*`) cannot be modified and
   * have require_ssl false, so they are not read; the value then comes from that fact, not a call.
   */
  requireSsl: collectedSchema(z.boolean()),
  /** DescribeLoggingStatus: audit logging to S3 or CloudWatch Logs. */
  auditLogging: collectedSchema(z.object({ enabled: z.boolean(), destination: z.string().nullable() })),
});
export type RedshiftCluster = z.infer<typeof RedshiftClusterSchema>;

export const OpenSearchDomainConfigSchema = z.object({
  arn: z.string(),
  engineVersion: z.string().nullable(),
  encryptionAtRest: z.boolean(),
  nodeToNodeEncryption: z.boolean(),
  enforceHttps: z.boolean(),
  tlsSecurityPolicy: z.string().nullable(),
  inVpc: z.boolean(),
  /** The domain's resource-based access policy (JSON text); null when there is none. */
  accessPolicy: z.string().nullable(),
  fineGrainedAccessControl: z.boolean(),
  /** Log types (AUDIT_LOGS, SEARCH_SLOW_LOGS, INDEX_SLOW_LOGS, ES_APPLICATION_LOGS) published and enabled. */
  enabledLogs: z.array(z.string()),
});
export type OpenSearchDomainConfig = z.infer<typeof OpenSearchDomainConfigSchema>;

export const OpenSearchDomainSchema = z.object({
  name: z.string(),
  arn: z.string(),
  engineType: z.string().nullable(),
  /** From DescribeDomains, called in batches of five: a failed batch fails its five domains. */
  config: collectedSchema(OpenSearchDomainConfigSchema),
});
export type OpenSearchDomain = z.infer<typeof OpenSearchDomainSchema>;

/** A Redis or Valkey cache: a replication group, or a standalone cache cluster outside any group. */
export const RedisCacheSchema = z.object({
  id: z.string(),
  arn: z.string(),
  kind: z.enum(['replication-group', 'cache-cluster']),
  engine: z.string(),
  atRestEncryption: z.boolean(),
  transitEncryption: z.boolean(),
  authTokenEnabled: z.boolean(),
  /** RBAC user groups (replication groups only). */
  userGroupIds: z.array(z.string()),
  snapshotRetentionLimit: z.number(),
});
export type RedisCache = z.infer<typeof RedisCacheSchema>;

export const NotebookInstanceSchema = z.object({
  name: z.string(),
  arn: z.string(),
  details: collectedSchema(
    z.object({
      kmsKeyId: z.string().nullable(),
      directInternetAccess: z.boolean(),
      rootAccess: z.boolean(),
    }),
  ),
});
export type NotebookInstance = z.infer<typeof NotebookInstanceSchema>;

export const EndpointConfigSchema = z.object({
  name: z.string(),
  arn: z.string(),
  kmsKeyId: collectedSchema(z.string().nullable()),
});
export type EndpointConfig = z.infer<typeof EndpointConfigSchema>;

export const KinesisStreamSchema = z.object({
  name: z.string(),
  arn: z.string(),
  encryption: collectedSchema(z.object({ encryptionType: z.string(), keyId: z.string().nullable() })),
});
export type KinesisStream = z.infer<typeof KinesisStreamSchema>;

export const DeliveryStreamSchema = z.object({
  name: z.string(),
  arn: z.string(),
  details: collectedSchema(
    z.object({
      deliveryStreamType: z.string().nullable(),
      /** Source stream ARN when the type is KinesisStreamAsSource (Firehose SSE is then unavailable). */
      sourceStreamArn: z.string().nullable(),
      encryptionStatus: z.string().nullable(),
      keyType: z.string().nullable(),
    }),
  ),
});
export type DeliveryStream = z.infer<typeof DeliveryStreamSchema>;

export const DmsReplicationInstanceSchema = z.object({ id: z.string(), arn: z.string(), publiclyAccessible: z.boolean() });
export type DmsReplicationInstance = z.infer<typeof DmsReplicationInstanceSchema>;

export const DmsEndpointSchema = z.object({
  id: z.string(),
  arn: z.string(),
  engine: z.string(),
  endpointType: z.string().nullable(),
  sslMode: z.string().nullable(),
});
export type DmsEndpoint = z.infer<typeof DmsEndpointSchema>;

/** ListSecrets metadata only: the value is never read (GetSecretValue is forbidden). */
export const SecretSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** null: encrypted with the AWS managed key aws/secretsmanager. */
  kmsKeyId: z.string().nullable(),
  rotationEnabled: z.boolean(),
  rotationDays: z.number().nullable(),
  rotationSchedule: z.string().nullable(),
  lastRotatedDate: z.string().nullable(),
  nextRotationDate: z.string().nullable(),
  lastAccessedDate: z.string().nullable(),
  createdDate: z.string().nullable(),
  /** Secrets managed by another service (e.g. `rds` master user secrets). */
  owningService: z.string().nullable(),
});
export type Secret = z.infer<typeof SecretSchema>;

export const CertificateSchema = z.object({
  arn: z.string(),
  domainName: z.string(),
  status: z.string(),
  type: z.string().nullable(),
  keyAlgorithm: z.string().nullable(),
  notAfter: z.string().nullable(),
  inUse: z.boolean().nullable(),
});
export type Certificate = z.infer<typeof CertificateSchema>;

export const DataRegionSchema = z.object({
  redshiftClusters: collectedSchema(z.array(RedshiftClusterSchema)),
  openSearchDomains: collectedSchema(z.array(OpenSearchDomainSchema)),
  redisReplicationGroups: collectedSchema(z.array(RedisCacheSchema)),
  /** Redis/Valkey cache clusters that are not members of a replication group. */
  redisCacheClusters: collectedSchema(z.array(RedisCacheSchema)),
  notebookInstances: collectedSchema(z.array(NotebookInstanceSchema)),
  endpointConfigs: collectedSchema(z.array(EndpointConfigSchema)),
  kinesisStreams: collectedSchema(z.array(KinesisStreamSchema)),
  deliveryStreams: collectedSchema(z.array(DeliveryStreamSchema)),
  dmsReplicationInstances: collectedSchema(z.array(DmsReplicationInstanceSchema)),
  dmsEndpoints: collectedSchema(z.array(DmsEndpointSchema)),
  secrets: collectedSchema(z.array(SecretSchema)),
  certificates: collectedSchema(z.array(CertificateSchema)),
});
export type DataRegion = z.infer<typeof DataRegionSchema>;

export const DataSnapshotSchema = z.object({ regions: z.record(z.string(), DataRegionSchema) });
export type DataSnapshot = z.infer<typeof DataSnapshotSchema>;
