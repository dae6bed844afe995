import { z } from 'zod';

/**
 * Tunable limits. Defaults follow the AWS Config "Operational Best Practices for HIPAA Security"
 * conformance pack where it sets one.
 */
export const ThresholdsSchema = z.object({
  passwordMinLength: z.number().int().min(6).max(128).default(14),
  passwordReusePrevention: z.number().int().min(1).max(24).default(24),
  passwordMaxAgeDays: z.number().int().min(1).max(1095).default(90),
  accessKeyMaxAgeDays: z.number().int().min(1).default(90),
  /** Credentials unused for this long should be disabled (conformance pack: 90; CIS: 45). */
  unusedCredentialDays: z.number().int().min(1).default(45),
  /** Longest role session we accept as "automatic logoff" (seconds). */
  maxRoleSessionSeconds: z.number().int().min(900).max(43_200).default(3_600),
  /** Audit log retention required by 164.316(b)(2)(i): six years. */
  auditLogRetentionDays: z.number().int().min(1).default(2_192),
  /** Minimum days of automated backups (RDS backup retention, Backup plan rules). */
  backupRetentionDays: z.number().int().min(1).default(7),
  /** Secrets Manager secrets not accessed for this long should be deleted (Config secretsmanager-secret-unused: 90). */
  secretUnusedDays: z.number().int().min(1).default(90),
  /** ACM certificates expiring within this many days fail (Config acm-certificate-expiration-check). */
  certificateExpiryDays: z.number().int().min(1).default(30),
  /** Longest an EC2 instance may stay stopped (AWS Config ec2-stopped-instance allowedDays). */
  stoppedInstanceMaxDays: z.number().int().min(1).default(30),
  /** High-severity GuardDuty findings left unarchived longer than this fail (days since GuardDuty first reported them). */
  guardDutyFindingMaxAgeDays: z.number().int().min(0).default(7),
  /** The designated security official's address(es); compared with the SECURITY alternate contact. */
  officerEmails: z.array(z.string().email()).default([]),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse({});
