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
];
