import { z } from 'zod';
import { RegionCoverageSchema } from '../model/coverage.js';
import { ResourceRefSchema } from '../model/resource.js';
import { SEVERITIES } from '../model/severity.js';
import { FINDING_STATUSES } from '../model/status.js';
import { RUN_STATUSES } from '../model/run.js';
import { TrendPointSchema } from './trend.js';
import { ThresholdsRecordSchema } from '../model/thresholds.js';

/**
 * Everything the weekly officer digest shows, already decided: renderers only format it.
 * Validated with zod so a digest built from a hand-edited or older posture file fails loudly
 * instead of mailing leadership a half-empty report.
 */

const count = z.number().int().nonnegative();
const isoDateTime = z.iso.datetime({ offset: true });
/** Period bounds accept a calendar date or a full timestamp (the CLI passes timestamps). */
const isoDateOrTime = z.union([z.iso.date(), isoDateTime]);

/** Assessed outcomes per standard. NOT_APPLICABLE is left out on purpose: it is neither good nor bad. */
export const PostureCountsSchema = z.object({ pass: count, fail: count, error: count, suppressed: count });
export type PostureCounts = z.infer<typeof PostureCountsSchema>;

/**
 * A point-in-time posture. The digest embeds the current one so the caller can store it and pass it
 * back as `previousPosture` next week (that is how "change since previous digest" is computed).
 */
export const DigestPostureSchema = z.object({
  asOf: isoDateTime,
  totals: PostureCountsSchema,
  /** Keyed by HIPAA standard label (see `STANDARD_ORDER`), e.g. `164.312(b) Audit controls`. */
  byStandard: z.record(z.string(), PostureCountsSchema),
});
export type DigestPosture = z.infer<typeof DigestPostureSchema>;

export const PostureRowSchema = z.object({
  standard: z.string(),
  current: PostureCountsSchema,
  /** Absent when there is no previous digest (first digest, or posture not supplied). */
  previous: PostureCountsSchema.optional(),
});
export type PostureRow = z.infer<typeof PostureRowSchema>;

/** The finding fields the email needs; a trimmed copy so the input stays small and serializable. */
export const DigestFindingSchema = z.object({
  key: z.string(),
  checkId: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(FINDING_STATUSES),
  resource: ResourceRefSchema,
  reason: z.string(),
  remediation: z.string(),
  citations: z.array(z.string()),
});
export type DigestFinding = z.infer<typeof DigestFindingSchema>;

export const ChangedFailureSchema = z.object({
  kind: z.enum(['NEW', 'REGRESSED']),
  at: isoDateTime,
  finding: DigestFindingSchema,
});
export type ChangedFailure = z.infer<typeof ChangedFailureSchema>;

export const ResolvedItemSchema = z.object({ at: isoDateTime, finding: DigestFindingSchema });
export type ResolvedItem = z.infer<typeof ResolvedItemSchema>;

export const OpenFailureSchema = z.object({
  failingSince: isoDateTime,
  ageDays: count,
  finding: DigestFindingSchema,
});
export type OpenFailure = z.infer<typeof OpenFailureSchema>;

export const FixFirstItemSchema = z.object({
  failingSince: isoDateTime,
  ageDays: count,
  /** NEW or REGRESSED in this period. */
  change: z.enum(['NEW', 'REGRESSED']).optional(),
  finding: DigestFindingSchema,
});
export type FixFirstItem = z.infer<typeof FixFirstItemSchema>;

/** Every run of the period, not only the latest per account. */
export const PeriodRunsSchema = z.object({
  total: count,
  complete: count,
  partial: count,
  failed: count,
  collectionErrors: count,
});
export type PeriodRuns = z.infer<typeof PeriodRunsSchema>;

export const ErrorItemSchema = z.object({
  since: isoDateTime,
  /** The last real verdict before assessment broke (e.g. FAIL): an ERROR never hides a failure. */
  lastAssessedStatus: z.enum(FINDING_STATUSES).optional(),
  finding: DigestFindingSchema,
});
export type ErrorItem = z.infer<typeof ErrorItemSchema>;

export const AcceptanceItemSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  checkId: z.string(),
  resourcePattern: z.string(),
  reason: z.string(),
  approvedBy: z.string(),
  /** The instant the acceptance stops applying (for a date, the end of that UTC day): for ordering. */
  expiresAt: isoDateTime,
  /** The expiry as the officer entered it (`YYYY-MM-DD`, the last day it applies): what the digest shows. */
  expiresOn: z.string(),
  /** The pattern matches every resource of the check (accepted with --all-resources). */
  allResources: z.boolean(),
  /** Days until expiry (expiring) or since expiry (expired), whole days. */
  days: count,
  /** How many current findings this acceptance is suppressing. */
  findingCount: count,
});
export type AcceptanceItem = z.infer<typeof AcceptanceItemSchema>;

export const SECURITY_CONTACT_STATUSES = ['OK', 'MISSING', 'DIFFERS', 'ERROR', 'NOT_ASSESSED'] as const;
export type SecurityContactStatus = (typeof SECURITY_CONTACT_STATUSES)[number];

export const SecurityContactAccountSchema = z.object({
  accountId: z.string(),
  status: z.enum(SECURITY_CONTACT_STATUSES),
  /** The check's own one-line reason, when there is a finding. */
  detail: z.string().optional(),
});
export type SecurityContactAccount = z.infer<typeof SecurityContactAccountSchema>;

export const RunSummarySchema = z.object({
  id: z.string(),
  status: z.enum(RUN_STATUSES),
  startedAt: isoDateTime,
  finishedAt: isoDateTime,
  accountIds: z.array(z.string()),
  regions: z.array(z.string()),
  collectionErrorCount: count,
  thresholds: ThresholdsRecordSchema.optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** `NONE`: no run finished in the period, which is itself a 164.308(a)(8) evaluation gap. */
export const OVERALL_RUN_STATUSES = [...RUN_STATUSES, 'NONE'] as const;
export type OverallRunStatus = (typeof OVERALL_RUN_STATUSES)[number];

export const DigestInputSchema = z.object({
  organizationName: z.string().min(1),
  generatedAt: isoDateTime,
  period: z.object({ from: isoDateOrTime, to: isoDateOrTime }),
  accounts: z.array(z.string()),
  regions: z.array(z.string()),
  /** Latest run covering each account, newest first. */
  runs: z.array(RunSummarySchema),
  /** Worst status among `runs`. */
  runStatus: z.enum(OVERALL_RUN_STATUSES),
  posture: DigestPostureSchema,
  previousPosture: DigestPostureSchema.optional(),
  /** Ordered by `STANDARD_ORDER`; only standards that have findings now or had them before. */
  postureByStandard: z.array(PostureRowSchema),
  /** New and regressed failures in the period that are still failing. */
  newFailures: z.array(ChangedFailureSchema),
  resolved: z.array(ResolvedItemSchema),
  openFailureCount: count,
  /** Open FAILs by severity now (the posture sentence). */
  openBySeverity: z.object({ critical: count, high: count, medium: count, low: count }).default({ critical: 0, high: 0, medium: 0, low: 0 }),
  /** Ranked by severity, then new/regressed, then age (see rank-fix-first). */
  fixFirst: z.array(FixFirstItemSchema).default([]),
  /** Open failures and not-assessed at the end of each of the last 12 weeks, oldest first. */
  trend: z.array(TrendPointSchema).default([]),
  periodRuns: PeriodRunsSchema.default({ total: 0, complete: 0, partial: 0, failed: 0, collectionErrors: 0 }),
  /** Oldest first; may be a prefix of all open failures (see `openFailureCount`). */
  oldestOpenFailures: z.array(OpenFailureSchema),
  errors: z.array(ErrorItemSchema),
  /** Every acceptance in force now, catch-all ones first; `days` is days until it expires. */
  activeAcceptances: z.array(AcceptanceItemSchema),
  expiringAcceptances: z.array(AcceptanceItemSchema),
  expiredAcceptances: z.array(AcceptanceItemSchema),
  /** Per account and region of the latest runs: resource types present that no check assessed. */
  notLookedAt: z.array(RegionCoverageSchema).default([]),
  securityContact: z.object({
    officerEmails: z.array(z.email()),
    accounts: z.array(SecurityContactAccountSchema),
  }),
  bundleLink: z
    .object({
      // http(s) only: anything else (javascript:, data:) must never become a clickable link.
      url: z.url({ protocol: /^https?$/ }),
      expiresAt: isoDateTime.optional(),
      /** What ends the link first (lib/evidence/presign.ts linkExpiry). */
      expiryLimitedBy: z.enum(['configured', 'credentials', 'unknown-credentials']).optional(),
    })
    .optional(),
  /** The bundle could not be built: why (one line) and the command that builds it. */
  bundleMissing: z.object({ reason: z.string().max(500), command: z.string().max(1000) }).optional(),
  /** SHA-256 of the manifest signing key's public key, to pin with `verify --trusted-key-fingerprint`. */
  signingKeyFingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type DigestInput = z.infer<typeof DigestInputSchema>;
