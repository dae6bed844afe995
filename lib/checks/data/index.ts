import type { CheckDefinition } from '../types.js';
import { check as acmNotExpiring } from './acm_certificate_not_expiring.js';
import { check as acmRsaKeyLength } from './acm_certificate_rsa_key_length.js';
import { check as dmsEndpointSsl } from './dms_endpoint_ssl_enabled.js';
import { check as dmsInstanceNotPublic } from './dms_replication_instance_not_public.js';
import { check as redisAuth } from './elasticache_redis_auth_enabled.js';
import { check as redisBackup } from './elasticache_redis_automatic_backup.js';
import { check as redisAtRest } from './elasticache_redis_encrypted_at_rest.js';
import { check as redisInTransit } from './elasticache_redis_encrypted_in_transit.js';
import { check as firehoseEncrypted } from './firehose_delivery_stream_encrypted.js';
import { check as kinesisEncrypted } from './kinesis_stream_encrypted.js';
import { check as openSearchAuditLogs } from './opensearch_domain_audit_logs_enabled.js';
import { check as openSearchEncryptedAtRest } from './opensearch_domain_encrypted_at_rest.js';
import { check as openSearchFineGrained } from './opensearch_domain_fine_grained_access_control.js';
import { check as openSearchHttps } from './opensearch_domain_https_tls12.js';
import { check as openSearchNodeToNode } from './opensearch_domain_node_to_node_encryption.js';
import { check as openSearchNotPublic } from './opensearch_domain_not_publicly_accessible.js';
import { check as openSearchSlowLogs } from './opensearch_domain_slow_logs_enabled.js';
import { check as redshiftAuditLogging } from './redshift_cluster_audit_logging.js';
import { check as redshiftEnhancedVpcRouting } from './redshift_cluster_enhanced_vpc_routing.js';
import { check as redshiftKms } from './redshift_cluster_kms_encryption.js';
import { check as redshiftNotPublic } from './redshift_cluster_not_publicly_accessible.js';
import { check as redshiftRequireSsl } from './redshift_cluster_require_ssl.js';
import { check as redshiftSnapshotRetention } from './redshift_cluster_snapshot_retention.js';
import { check as sageMakerEndpointConfigKms } from './sagemaker_endpoint_config_kms_encryption.js';
import { check as sageMakerNotebookKms } from './sagemaker_notebook_kms_encryption.js';
import { check as sageMakerNoInternet } from './sagemaker_notebook_no_direct_internet_access.js';
import { check as sageMakerNoRoot } from './sagemaker_notebook_root_access_disabled.js';
import { check as secretCmk } from './secretsmanager_secret_cmk_encryption.js';
import { check as secretRotatedOnSchedule } from './secretsmanager_secret_rotated_on_schedule.js';
import { check as secretRotationEnabled } from './secretsmanager_secret_rotation_enabled.js';
import { check as secretUnused } from './secretsmanager_secret_unused.js';

/** Analytics and data services: warehouses, search, caches, ML, streams, migration, secrets, certificates. */
export const dataChecks: readonly CheckDefinition[] = [
  redshiftKms,
  redshiftNotPublic,
  redshiftRequireSsl,
  redshiftAuditLogging,
  redshiftSnapshotRetention,
  redshiftEnhancedVpcRouting,
  openSearchEncryptedAtRest,
  openSearchNodeToNode,
  openSearchHttps,
  openSearchNotPublic,
  openSearchAuditLogs,
  openSearchSlowLogs,
  openSearchFineGrained,
  redisAtRest,
  redisInTransit,
  redisAuth,
  redisBackup,
  sageMakerNotebookKms,
  sageMakerNoInternet,
  sageMakerNoRoot,
  sageMakerEndpointConfigKms,
  kinesisEncrypted,
  firehoseEncrypted,
  dmsInstanceNotPublic,
  dmsEndpointSsl,
  secretRotationEnabled,
  secretRotatedOnSchedule,
  secretCmk,
  secretUnused,
  acmNotExpiring,
  acmRsaKeyLength,
];
