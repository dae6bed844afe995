import type { CheckDefinition } from '../types.js';
import { check as backupPlanExists } from './backup_plan_exists.js';
import { check as dynamodbKms } from './dynamodb_table_kms_encryption.js';
import { check as dynamodbPitr } from './dynamodb_table_pitr_enabled.js';
import { check as ebsByDefault } from './ec2_ebs_encryption_by_default.js';
import { check as ebsSnapshotNotPublic } from './ec2_ebs_snapshot_not_public.js';
import { check as ebsVolumeEncrypted } from './ec2_ebs_volume_encrypted.js';
import { check as efsEncrypted } from './efs_file_system_encrypted.js';
import { check as kmsNotPendingDeletion } from './kms_key_not_pending_deletion.js';
import { check as kmsRotation } from './kms_key_rotation_enabled.js';
import { check as rdsBackupRetention } from './rds_instance_backup_retention.js';
import { check as rdsNotPublic } from './rds_instance_not_publicly_accessible.js';
import { check as rdsEncrypted } from './rds_instance_storage_encrypted.js';
import { check as rdsSnapshotNotPublic } from './rds_snapshot_not_public.js';
import { check as s3AccountBlock } from './s3_account_public_access_block.js';
import { check as s3AccessLogging } from './s3_bucket_access_logging_enabled.js';
import { check as s3DefaultEncryption } from './s3_bucket_default_encryption.js';
import { check as s3ObjectLock } from './s3_bucket_object_lock_enabled.js';
import { check as s3PublicBlocked } from './s3_bucket_public_access_blocked.js';
import { check as s3SslOnly } from './s3_bucket_ssl_requests_only.js';
import { check as s3Versioning } from './s3_bucket_versioning_enabled.js';
import { check as snsEncrypted } from './sns_topic_encrypted.js';
import { check as sqsEncrypted } from './sqs_queue_encrypted.js';

// RDS and Aurora depth, S3 depth, contingency (issue 12)
import { check as rdsInstanceMultiAz } from './rds_instance_multi_az.js';
import { check as rdsInstanceDeletionProtection } from './rds_instance_deletion_protection.js';
import { check as rdsInstanceLogsExported } from './rds_instance_logs_exported.js';
import { check as rdsInstanceEnhancedMonitoring } from './rds_instance_enhanced_monitoring.js';
import { check as rdsInstanceIamAuthentication } from './rds_instance_iam_authentication.js';
import { check as rdsInstanceAutoMinorVersionUpgrade } from './rds_instance_auto_minor_version_upgrade.js';
import { check as rdsInstanceTlsEnforced } from './rds_instance_tls_enforced.js';
import { check as rdsSnapshotEncrypted } from './rds_snapshot_encrypted.js';
import { check as rdsClusterStorageEncrypted } from './rds_cluster_storage_encrypted.js';
import { check as rdsClusterDeletionProtection } from './rds_cluster_deletion_protection.js';
import { check as rdsClusterBackupRetention } from './rds_cluster_backup_retention.js';
import { check as rdsClusterSnapshotNotPublic } from './rds_cluster_snapshot_not_public.js';
import { check as rdsClusterSnapshotEncrypted } from './rds_cluster_snapshot_encrypted.js';
import { check as rdsClusterTlsEnforced } from './rds_cluster_tls_enforced.js';
import { check as s3BucketPolicyNoPublicAccess } from './s3_bucket_policy_no_public_access.js';
import { check as s3BucketAclNoPublicGrants } from './s3_bucket_acl_no_public_grants.js';
import { check as s3BucketAclsDisabled } from './s3_bucket_acls_disabled.js';
import { check as s3BucketDefaultEncryptionKms } from './s3_bucket_default_encryption_kms.js';
import { check as s3BucketCrossRegionReplication } from './s3_bucket_cross_region_replication.js';
import { check as s3BucketNoncurrentVersionLifecycle } from './s3_bucket_noncurrent_version_lifecycle.js';
import { check as backupResourceProtected } from './backup_resource_protected.js';
import { check as backupPlanMinFrequencyAndRetention } from './backup_plan_min_frequency_and_retention.js';
import { check as backupVaultLockOrDenyDelete } from './backup_vault_lock_or_deny_delete.js';
import { check as backupRecoveryPointEncrypted } from './backup_recovery_point_encrypted.js';
import { check as backupRestoreTestingPlanExists } from './backup_restore_testing_plan_exists.js';
import { check as efsFileSystemBackupEnabled } from './efs_file_system_backup_enabled.js';
import { check as efsFileSystemPolicyDeniesNonTls } from './efs_file_system_policy_denies_non_tls.js';
import { check as dynamodbTableDeletionProtection } from './dynamodb_table_deletion_protection.js';
import { check as daxClusterEncrypted } from './dax_cluster_encrypted.js';

/** Encryption at rest, storage exposure, backup and transmission security. */
export const storageChecks: readonly CheckDefinition[] = [
  s3DefaultEncryption,
  s3SslOnly,
  s3PublicBlocked,
  s3AccountBlock,
  s3Versioning,
  s3AccessLogging,
  s3ObjectLock,
  ebsByDefault,
  ebsVolumeEncrypted,
  ebsSnapshotNotPublic,
  rdsEncrypted,
  rdsNotPublic,
  rdsBackupRetention,
  rdsSnapshotNotPublic,
  dynamodbPitr,
  dynamodbKms,
  kmsRotation,
  kmsNotPendingDeletion,
  efsEncrypted,
  snsEncrypted,
  sqsEncrypted,
  backupPlanExists,
  rdsInstanceMultiAz,
  rdsInstanceDeletionProtection,
  rdsInstanceLogsExported,
  rdsInstanceEnhancedMonitoring,
  rdsInstanceIamAuthentication,
  rdsInstanceAutoMinorVersionUpgrade,
  rdsInstanceTlsEnforced,
  rdsSnapshotEncrypted,
  rdsClusterStorageEncrypted,
  rdsClusterDeletionProtection,
  rdsClusterBackupRetention,
  rdsClusterSnapshotNotPublic,
  rdsClusterSnapshotEncrypted,
  rdsClusterTlsEnforced,
  s3BucketPolicyNoPublicAccess,
  s3BucketAclNoPublicGrants,
  s3BucketAclsDisabled,
  s3BucketDefaultEncryptionKms,
  s3BucketCrossRegionReplication,
  s3BucketNoncurrentVersionLifecycle,
  backupResourceProtected,
  backupPlanMinFrequencyAndRetention,
  backupVaultLockOrDenyDelete,
  backupRecoveryPointEncrypted,
  backupRestoreTestingPlanExists,
  efsFileSystemBackupEnabled,
  efsFileSystemPolicyDeniesNonTls,
  dynamodbTableDeletionProtection,
  daxClusterEncrypted,
];
