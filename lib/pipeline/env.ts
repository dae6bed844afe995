import { z } from 'zod';
import { parseThresholds, type Thresholds } from '../checks/thresholds.js';
import { ExpectedError } from '../model/errors.js';
import { DEFAULT_HISTORY_RETENTION_DAYS } from '../store/table-design.js';

const commaList = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));

/** The Lambdas' configuration, set by the CDK construct as environment variables. */
export const PipelineEnvSchema = z
  .object({
    AWS_REGION: z.string().min(1),
    TABLE_NAME: z.string().min(1),
    EVIDENCE_BUCKET: z.string().min(1),
    /** Bucket for what the steps hand each other (target list, scan records, Map results); not evidence. */
    WORK_BUCKET: z.string().min(1),
    SIGNING_KEY_ID: z.string().min(1),
    MEMBER_ROLE_NAME: z.string().min(1).default('HipaaAuditReadOnly'),
    EXTERNAL_ID: z.string().optional(),
    /** The role member accounts trust; the functions assume it before assuming member roles. */
    COLLECTOR_ROLE_ARN: z.string().startsWith('arn:').optional(),
    TARGET_ACCOUNTS: commaList.optional(),
    USE_ORGANIZATION: z.enum(['true', 'false']).default('false'),
    REGIONS: commaList.pipe(z.array(z.string()).min(1)),
    OFFICER_EMAILS: commaList.pipe(z.array(z.string().email()).min(1)),
    SENDER_EMAIL: z.string().email(),
    ORGANIZATION_NAME: z.string().min(1),
    BUNDLE_LINK_EXPIRY_DAYS: z.coerce.number().int().min(1).max(7).default(7),
    /** The digest's bundles bucket (no Object Lock; bundles expire). Unset: the digest says no bundle was built. */
    BUNDLE_BUCKET: z.string().min(1).optional(),
    /** Largest bundle the digest builds (it is staged in the Lambda's /tmp); a larger one is left to the CLI. */
    BUNDLE_MAX_BYTES: z.coerce.number().int().min(1).default(400 * 1024 * 1024),
    /** SHA-256 of the signing key's public key (the stack's SigningKeyFingerprint), shown in the digest. */
    SIGNING_KEY_FINGERPRINT: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** Tests and the local demo point every client at moto through this. */
    AWS_ENDPOINT_URL: z.string().url().optional(),
    /** Endpoint for the scanned accounts when they are emulated separately (the demo's clinic account). */
    TARGET_ENDPOINT_URL: z.string().url().optional(),
    SCAN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    /** JSON object of check thresholds from the deployment configuration; parsed by pipelineThresholds. */
    THRESHOLDS: z.string().optional(),
    ALLOW_BELOW_HIPAA_MINIMUM: z.enum(['true', 'false']).default('false'),
    /** `securityHub: true`: RecordAccount imports each account's findings into the audit account's Security Hub. */
    SECURITY_HUB: z.enum(['true', 'false']).default('false'),
    /** Days transition items stay in the table (pipeline config historyRetentionDays). */
    HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).default(DEFAULT_HISTORY_RETENTION_DAYS),
  })
  .refine((env) => env.USE_ORGANIZATION === 'true' || (env.TARGET_ACCOUNTS?.length ?? 0) > 0, {
    message: 'set TARGET_ACCOUNTS (comma-separated account ids) or USE_ORGANIZATION=true',
    path: ['TARGET_ACCOUNTS'],
  });

export type PipelineEnv = z.infer<typeof PipelineEnvSchema>;

export class PipelineEnvError extends ExpectedError {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineEnvError';
  }
}

/** The thresholds every scan of this deployment uses: the configured ones, with the officer addresses. */
export function pipelineThresholds(env: PipelineEnv): Thresholds {
  try {
    const configured: unknown = env.THRESHOLDS ? JSON.parse(env.THRESHOLDS) : {};
    return parseThresholds(
      { ...(configured as object), officerEmails: env.OFFICER_EMAILS },
      { allowBelowHipaaMinimum: env.ALLOW_BELOW_HIPAA_MINIMUM === 'true', source: 'THRESHOLDS' },
    );
  } catch (error) {
    throw new PipelineEnvError(`Invalid pipeline environment: ${(error as Error).message}`);
  }
}

export function loadPipelineEnv(processEnv: NodeJS.ProcessEnv): PipelineEnv {
  const parsed = PipelineEnvSchema.safeParse(processEnv);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`).join('; ');
    throw new PipelineEnvError(`Invalid pipeline environment: ${problems}`);
  }
  return parsed.data;
}
