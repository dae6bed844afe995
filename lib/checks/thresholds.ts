import { z } from 'zod';

const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits');

export const BusinessAssociateSchema = z.object({
  accountId,
  name: z.string().min(1),
  /** Date the business associate agreement was signed (YYYY-MM-DD); absent means no BAA on file. */
  baaSignedOn: z.iso.date().optional(),
});
export type BusinessAssociate = z.infer<typeof BusinessAssociateSchema>;

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
  /** The designated security official's address(es); compared with the SECURITY alternate contact. */
  officerEmails: z.array(z.string().email()).default([]),
  /** Lambda function names (glob, `*` any run) that must run in a VPC; `["*"]` requires it of every function. */
  lambdaVpcRequiredFunctions: z.array(z.string().min(1)).default([]),
  /** iam_user_mfa_enabled_all: users with only an access key (no password) must have MFA too. */
  mfaRequiredForAccessKeyUsers: z.boolean().default(true),
  /**
   * The vendor register: AWS accounts of business associates. A role trusting a listed account with a
   * BAA date passes iam_role_external_trust_known_vendor; any other external account fails.
   */
  businessAssociates: z.array(BusinessAssociateSchema).default([]),
  /**
   * Accounts of your own organization that may be trusted without a BAA (e.g. the audit or a shared
   * services account). The organization's management account and same-account principals are known
   * without this list.
   */
  internalAccountIds: z.array(accountId).default([]),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse({});
