import { z } from 'zod';
import { ExpectedError } from '../model/errors.js';
import { ThresholdsRecordSchema, type ThresholdsRecord } from '../model/thresholds.js';

export { ThresholdsRecordSchema, type ThresholdsRecord };

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
 * conformance pack where it sets one. Strict: a misspelt key is an error, not a silent default.
 */
export const ThresholdsSchema = z.strictObject({
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
  /** A resource with an AWS Backup recovery point at most this old counts as protected (backup_resource_protected). */
  backupRecoveryPointMaxAgeHours: z.number().int().min(1).default(24),
  /** Longest interval between a backup plan rule's runs (Config backup-plan-min-frequency-and-min-retention-check: 1 day). */
  backupPlanMaxIntervalHours: z.number().int().min(1).default(24),
  /** Shortest retention of a backup plan rule's recovery points (same Config rule's default: 35 days). */
  backupPlanMinRetentionDays: z.number().int().min(1).default(35),
  /**
   * Buckets that must replicate to another region (s3_bucket_cross_region_replication): a bucket is in
   * scope when its name matches one of `bucketPatterns` (`*` wildcard) or it carries tag `tagKey`
   * (with value `tagValue` when set). Default: every bucket.
   */
  s3ReplicationScope: z
    .object({
      bucketPatterns: z.array(z.string()).default(['*']),
      tagKey: z.string().nullable().default(null),
      tagValue: z.string().nullable().default(null),
    })
    .default({ bucketPatterns: ['*'], tagKey: null, tagValue: null }),
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

/** The numeric limits, and which direction makes each one stricter. */
export const THRESHOLD_STRICTER = {
  passwordMinLength: 'higher',
  passwordReusePrevention: 'higher',
  passwordMaxAgeDays: 'lower',
  accessKeyMaxAgeDays: 'lower',
  unusedCredentialDays: 'lower',
  maxRoleSessionSeconds: 'lower',
  auditLogRetentionDays: 'higher',
  backupRetentionDays: 'higher',
} as const satisfies Record<string, 'higher' | 'lower'>;
export type NumericThreshold = keyof typeof THRESHOLD_STRICTER;

/** What HIPAA itself requires, below which a value needs an explicit override. */
export const HIPAA_MINIMUMS: Partial<Record<NumericThreshold, { minimum: number; citation: string; requirement: string }>> = {
  auditLogRetentionDays: { minimum: 2_192, citation: '164.316(b)(2)(i)', requirement: 'retain documentation six years' },
};

export function describeThresholds(thresholds: Thresholds): ThresholdsRecord {
  const record: ThresholdsRecord = { values: {}, weakerThanDefault: [], belowHipaaMinimum: [] };
  for (const [key, stricter] of Object.entries(THRESHOLD_STRICTER) as [NumericThreshold, 'higher' | 'lower'][]) {
    const value = thresholds[key];
    const fallback = DEFAULT_THRESHOLDS[key];
    record.values[key] = value;
    if (stricter === 'higher' ? value < fallback : value > fallback) record.weakerThanDefault.push({ key, value, default: fallback });
    const hipaa = HIPAA_MINIMUMS[key];
    if (hipaa && value < hipaa.minimum) record.belowHipaaMinimum.push({ key, value, minimum: hipaa.minimum, citation: hipaa.citation });
  }
  return record;
}

export class ThresholdsError extends ExpectedError {}

/**
 * Parses thresholds from a file or configuration: unknown keys and invalid values are errors, and a
 * value below HIPAA's own requirement is refused unless the caller passed the explicit override.
 */
export function parseThresholds(raw: unknown, options: { allowBelowHipaaMinimum?: boolean; source?: string } = {}): Thresholds {
  const source = options.source ?? 'thresholds';
  const parsed = ThresholdsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknown = issue?.code === 'unrecognized_keys' ? issue.keys : [];
    const message =
      unknown.length > 0
        ? `unknown threshold(s) ${unknown.join(', ')}; expected only ${Object.keys(ThresholdsSchema.shape).join(', ')}`
        : `invalid threshold ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
    throw new ThresholdsError(`${source}: ${message}`);
  }
  const below = describeThresholds(parsed.data).belowHipaaMinimum;
  if (below.length > 0 && !options.allowBelowHipaaMinimum) {
    const list = below.map((b) => `${b.key} ${b.value} is below ${b.minimum} (${b.citation}: ${HIPAA_MINIMUMS[b.key as NumericThreshold]?.requirement})`).join('; ');
    throw new ThresholdsError(
      `${source}: ${list}. A scan with this value would not test what HIPAA requires; pass --allow-below-hipaa-minimum ` +
        '(pipeline: allowBelowHipaaMinimum in the configuration) to run it anyway, and it is reported as such.',
    );
  }
  return parsed.data;
}
