import type { CheckDefinition } from '../types.js';
import { check as redshiftAuditLogging } from './redshift_cluster_audit_logging.js';
import { check as redshiftEnhancedVpcRouting } from './redshift_cluster_enhanced_vpc_routing.js';
import { check as redshiftKms } from './redshift_cluster_kms_encryption.js';
import { check as redshiftNotPublic } from './redshift_cluster_not_publicly_accessible.js';
import { check as redshiftRequireSsl } from './redshift_cluster_require_ssl.js';
import { check as redshiftSnapshotRetention } from './redshift_cluster_snapshot_retention.js';

/** Analytics and data services: warehouses, search, caches, ML, streams, migration, secrets, certificates. */
export const dataChecks: readonly CheckDefinition[] = [
  redshiftKms,
  redshiftNotPublic,
  redshiftRequireSsl,
  redshiftAuditLogging,
  redshiftSnapshotRetention,
  redshiftEnhancedVpcRouting,
];
