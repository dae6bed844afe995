import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseThresholds, ThresholdsSchema } from '../checks/thresholds.js';
import { ExpectedError } from '../model/errors.js';
import { DEFAULT_LAMBDA_CONCURRENCY_QUOTA, reservationProblem } from './lambda-concurrency.js';
import { DEFAULT_HISTORY_RETENTION_DAYS } from '../store/table-design.js';

/**
 * Deployment configuration of the scheduled-audit pipeline. It is read at `cdk synth` time from the
 * `hipaaAudit` context key (cdk.json) or from a JSON file named by the `configFile` context key, and a
 * bad value must stop synthesis with the offending field named, never deploy a half-valid pipeline.
 */

/** HIPAA 164.316(b)(2)(i): documentation is retained six years from creation or last effective date. */
export const MIN_EVIDENCE_RETENTION_YEARS = 6;
/** S3 pre-signed URLs signed with SigV4 cannot outlive seven days. */
export const MAX_BUNDLE_LINK_EXPIRY_DAYS = 7;

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
// EventBridge Scheduler accepts cron() with six fields and rate() with a positive integer and unit.
const CRON = /^cron\((\S+\s+){5}\S+\)$/;
const RATE = /^rate\([1-9]\d*\s+(minute|minutes|hour|hours|day|days)\)$/;
// IAM role names and ExternalId: the character sets IAM accepts.
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

function isIanaTimeZone(zone: string): boolean {
  try {
    // Intl throws RangeError for an unknown zone; this is the runtime's own IANA database.
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const scheduleSchema = (defaultExpression: string) =>
  z
    .object({
      expression: z
        .string()
        .trim()
        .refine((e) => CRON.test(e) || RATE.test(e), {
          message: 'must be cron(<6 fields>) or rate(<n> <minutes|hours|days>)',
        })
        .default(defaultExpression),
      timeZone: z
        .string()
        .refine(isIanaTimeZone, { message: 'must be an IANA time zone such as America/New_York' })
        .default('UTC'),
    })
    .strict();

const targetsSchema = z.union([
  z.object({ accounts: z.array(z.string().regex(ACCOUNT_ID, 'must be a 12-digit account id')).min(1) }).strict(),
  z.object({ organization: z.literal(true) }).strict(),
]);

export const PipelineConfigSchema = z
  .object({
    officerEmails: z.array(z.email()).min(1),
    senderEmail: z.email(),
    organizationName: z.string().trim().min(1).max(200),
    targets: targetsSchema,
    regions: z
      .array(z.string().regex(REGION, 'must be an AWS region code such as us-east-1'))
      .min(1)
      .refine((r) => new Set(r).size === r.length, { message: 'must not repeat a region' }),
    // Defaults: scan daily at 06:00, digest on Monday at 08:00 (in the configured zone).
    scanSchedule: scheduleSchema('cron(0 6 * * ? *)').default({ expression: 'cron(0 6 * * ? *)', timeZone: 'UTC' }),
    digestSchedule: scheduleSchema('cron(0 8 ? * MON *)').default({
      expression: 'cron(0 8 ? * MON *)',
      timeZone: 'UTC',
    }),
    evidenceRetentionYears: z.number().int().min(MIN_EVIDENCE_RETENTION_YEARS).max(100).default(6),
    bundleLinkExpiryDays: z.number().int().min(1).max(MAX_BUNDLE_LINK_EXPIRY_DAYS).default(7),
    /** Days the bundles bucket keeps an uploaded bundle (a copy of locked evidence) before it expires. */
    bundleRetentionDays: z.number().int().min(1).max(3650).default(30),
    /**
     * Days a finding transition stays in the findings table before DynamoDB TTL removes it. The table is the
     * working index; the six-year record is the signed per-run findings in the evidence bucket, from which any
     * transition can be re-derived. The default (400) covers the digest's week and 12-week trend, a
     * year-on-year review and a month of slack; at least 35 so every digest period and PITR window is covered.
     */
    historyRetentionDays: z.number().int().min(35).max(3650).default(DEFAULT_HISTORY_RETENTION_DAYS),
    memberRoleName: z.string().regex(ROLE_NAME, 'must be a valid IAM role name').default('HipaaAuditReadOnly'),
    /**
     * sts:ExternalId the collector presents to member roles. Not a secret (AWS documents it as such), but
     * unique per deployment: unset, the stack derives one from its own stack id (ExternalId output).
     */
    externalId: z.string().regex(EXTERNAL_ID, 'must be 2-1224 characters of [\\w+=,.@:/-]').optional(),
    /**
     * Accounts scanned at once (the Distributed Map's MaxConcurrency; 10,000 is its own limit). The default
     * finishes 1,000 accounts x 17 regions in under half the run timeout at the benchmark's per-account time
     * (`npm run bench`, organization; measured on moto, an upper bound), and reserves 6 x 50 + 6 = 306 Lambda
     * executions, a third of what the default quota of 1,000 lets a stack reserve.
     */
    mapConcurrency: z.number().int().min(1).max(10_000).default(50),
    /** The audit account's Regional Lambda concurrency quota; the stack's reserved concurrency must fit in it. */
    lambdaConcurrencyQuota: z.number().int().min(1).default(DEFAULT_LAMBDA_CONCURRENCY_QUOTA),
    /** Check thresholds for every scan (same keys as `hipaa-audit scan --thresholds`); unset keys keep their defaults. */
    thresholds: ThresholdsSchema.omit({ officerEmails: true }).partial().optional(),
    /** Explicit override for thresholds below HIPAA's own requirement (auditLogRetentionDays < 2192). */
    allowBelowHipaaMinimum: z.boolean().default(false),
    /** Import every account's findings into the audit account's Security Hub (ASFF) after each run. */
    securityHub: z.boolean().default(false),
  })
  .strict()
  .superRefine((config, ctx) => {
    const reservation = reservationProblem(config.mapConcurrency, config.lambdaConcurrencyQuota);
    if (reservation) ctx.addIssue({ code: 'custom', path: ['mapConcurrency'], message: reservation });
    if (config.bundleRetentionDays < config.bundleLinkExpiryDays) {
      ctx.addIssue({ code: 'custom', path: ['bundleRetentionDays'], message: `must be at least bundleLinkExpiryDays (${config.bundleLinkExpiryDays}): a link must not outlive its bundle` });
    }
    try {
      parseThresholds(config.thresholds ?? {}, { allowBelowHipaaMinimum: config.allowBelowHipaaMinimum, source: 'thresholds' });
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['thresholds'], message: (error as Error).message.replace(/^thresholds: /, '') });
    }
  });

export type PipelineConfigInput = z.input<typeof PipelineConfigSchema>;
export type PipelineConfig = z.output<typeof PipelineConfigSchema>;

/** Thrown for an invalid configuration; the message lists every `field.path: problem`. */
export class PipelineConfigError extends ExpectedError {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid hipaaAudit configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'PipelineConfigError';
  }
}

export function parsePipelineConfig(raw: unknown): PipelineConfig {
  const parsed = PipelineConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new PipelineConfigError(issues);
}

/** Minimal view of a construct node's context, so this module does not depend on aws-cdk-lib. */
export interface ContextSource {
  tryGetContext(key: string): unknown;
}

/**
 * `configFile` wins over the inline `hipaaAudit` context so one cdk.json can hold a sample while each
 * environment passes `-c configFile=prod.json`.
 */
export function loadPipelineConfig(context: ContextSource): PipelineConfig {
  const file = context.tryGetContext('configFile');
  if (file !== undefined) {
    if (typeof file !== 'string' || file.length === 0) throw new PipelineConfigError(['configFile: must be a path']);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new PipelineConfigError([`configFile: cannot read ${file} (${(err as Error).message})`]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new PipelineConfigError([`configFile: ${file} is not valid JSON (${(err as Error).message})`]);
    }
    return parsePipelineConfig(json);
  }
  const inline = context.tryGetContext('hipaaAudit');
  if (inline === undefined) throw new PipelineConfigError(['hipaaAudit: missing (set it in cdk.json or pass -c configFile=...)']);
  return parsePipelineConfig(inline);
}
