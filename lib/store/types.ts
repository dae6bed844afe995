import { z } from 'zod';
import { FINDING_STATUSES, FindingSchema, type Finding, type FindingStatus } from '../findings/finding.js';
import type { ScanRun } from '../scan/run.js';

/**
 * How a finding moved between two runs. NEW: first FAIL. PERSISTING: still FAIL. RESOLVED: FAIL -> PASS.
 * REGRESSED: FAIL again after it had been resolved. GONE: the resource is no longer reported by a run
 * that assessed its scope (kept, never dropped). SUPPRESSED/UNSUPPRESSED: a risk acceptance started or
 * ended. ERRORED: could not be assessed this run (last known status is kept).
 */
export const TRANSITION_KINDS = [
  'NEW',
  'PERSISTING',
  'RESOLVED',
  'REGRESSED',
  'GONE',
  'SUPPRESSED',
  'UNSUPPRESSED',
  'ERRORED',
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/** Current state of one (account, region, check, resource). */
export const FindingStateSchema = z.object({
  key: z.string(),
  finding: FindingSchema,
  /** Last status seen (FAIL, PASS, SUPPRESSED, ERROR, NOT_APPLICABLE). */
  status: z.enum(FINDING_STATUSES),
  /** The last status that was an actual assessment (not ERROR); used so ERROR never resolves a FAIL. */
  lastAssessedStatus: z.enum(FINDING_STATUSES).optional(),
  firstSeenAt: z.string(),
  /** When the current unbroken failure began; absent when not failing. */
  failingSince: z.string().optional(),
  lastSeenAt: z.string(),
  lastChangedAt: z.string(),
  lastRunId: z.string(),
  /** True once a run that assessed the scope no longer reported the resource. */
  gone: z.boolean().default(false),
  /** Has it ever been RESOLVED? Needed to tell REGRESSED from NEW. */
  everResolved: z.boolean().default(false),
});
export type FindingState = z.infer<typeof FindingStateSchema>;

export const TransitionSchema = z.object({
  key: z.string(),
  runId: z.string(),
  at: z.string(),
  kind: z.enum(TRANSITION_KINDS),
  from: z.enum(FINDING_STATUSES).optional(),
  to: z.enum(FINDING_STATUSES).optional(),
  finding: FindingSchema,
});
export type Transition = z.infer<typeof TransitionSchema>;

export interface RecordRunResult {
  run: ScanRun;
  transitions: Transition[];
  /** False when this run had already been stored (idempotent re-store: nothing changed). */
  written: boolean;
}

export interface FindingsQuery {
  accountId?: string;
  statuses?: readonly FindingStatus[];
}

/** Persistence of runs, current finding state and transition history. DynamoDB is the real adapter. */
export interface FindingsStore {
  recordRun(run: ScanRun, findings: readonly Finding[]): Promise<RecordRunResult>;
  getRun(runId: string): Promise<ScanRun | undefined>;
  /** Newest first. */
  listRuns(query?: { accountId?: string; from?: string; to?: string; limit?: number }): Promise<ScanRun[]>;
  currentFindings(query?: FindingsQuery): Promise<FindingState[]>;
  /** Transitions recorded after `since` (ISO date), oldest first. */
  transitionsSince(since: string, query?: { accountId?: string }): Promise<Transition[]>;
  /** Open FAILs ordered by `failingSince`, oldest first. */
  oldestOpenFailures(limit: number, query?: { accountId?: string }): Promise<FindingState[]>;
}

/** A documented risk acceptance. The expiry is required: acceptances are reviewed, not forever. */
export const SuppressionSchema = z.object({
  id: z.string(),
  /** Exact account id or `*`. */
  accountId: z.string(),
  checkId: z.string(),
  /** Exact resource ARN/id, or a glob with `*` (e.g. `arn:aws:s3:::legacy-*`). */
  resourcePattern: z.string(),
  reason: z.string().min(1),
  approvedBy: z.string().min(1),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

export interface SuppressionStore {
  create(suppression: Omit<Suppression, 'id' | 'createdAt'>): Promise<Suppression>;
  list(query?: { includeRevoked?: boolean }): Promise<Suppression[]>;
  revoke(id: string, at: string): Promise<Suppression>;
}
