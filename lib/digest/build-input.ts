import type { RegionCoverage } from '../model/coverage.js';
import type { Finding } from '../model/finding.js';
import { expiryInstant, isCatchAllPattern } from '../model/suppressions.js';
import { severityRank } from '../model/severity.js';
import type { RunStatus, ScanRun } from '../model/run.js';
import type { FindingState } from '../model/finding-state.js';
import type { FindingsStore, SuppressionStore } from '../store/types.js';
import type { Suppression } from '../model/suppressions.js';
import {
  DigestInputSchema,
  type AcceptanceItem,
  type ChangedFailure,
  type DigestFinding,
  type DigestInput,
  type DigestPosture,
  type OverallRunStatus,
  type ResolvedItem,
  type RunSummary,
} from './input.js';
import { fillRemediation } from './fill-remediation.js';
import { rankFixFirst } from './fix-first.js';
import { computeTrend, trendWindowStart } from './trend.js';
import { computePosture, postureRows } from './posture.js';
import { securityContactStatus } from './security-contact.js';

const DAY_MS = 86_400_000;
/** Risk acceptances expiring within this window are listed for renewal or remediation. */
export const EXPIRING_WINDOW_DAYS = 30;

export interface BuildDigestInputOptions {
  findings: FindingsStore;
  suppressions: SuppressionStore;
  period: { from: string; to: string };
  now: Date;
  organizationName: string;
  officerEmails: readonly string[];
  previousPosture?: DigestPosture;
  bundleLink?: { url: string; expiresAt?: string; expiryLimitedBy?: 'configured' | 'credentials' | 'unknown-credentials' };
  /** The bundle could not be built: why, and the command that builds it. */
  bundleMissing?: { reason: string; command: string };
  signingKeyFingerprint?: string;
  /** How many oldest open failures to fetch (the renderer caps again). Default 50. */
  oldestLimit?: number;
}

function toDigestFinding(key: string, f: Finding): DigestFinding {
  return {
    key,
    checkId: f.checkId,
    title: f.title,
    severity: f.severity,
    status: f.status,
    resource: f.resource,
    reason: f.reason,
    remediation: fillRemediation(f.remediation, f.resource),
    citations: [...f.citations],
  };
}

function wholeDays(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / DAY_MS));
}

const RUN_SEVERITY: Record<RunStatus, number> = { COMPLETE: 0, PARTIAL: 1, FAILED: 2 };

/**
 * The newest run for every account seen in the period: one account's failed run must not be hidden
 * by another account's later complete run.
 */
/**
 * Open failures, oldest first (by when the unbroken failure began, then key): sorted from the states the
 * digest reads anyway, where a dedicated index would cost a second write unit on every failing state.
 */
function oldestFirst(openFails: readonly FindingState[], limit: number): FindingState[] {
  const since = (s: FindingState) => `${s.failingSince ?? s.firstSeenAt}#${s.key}`;
  return [...openFails].sort((a, b) => (since(a) < since(b) ? -1 : since(a) > since(b) ? 1 : 0)).slice(0, Math.max(0, limit));
}

function latestRunsPerAccount(runs: readonly ScanRun[]): ScanRun[] {
  const covered = new Set<string>();
  const picked: ScanRun[] = [];
  for (const run of runs) {
    if (run.accountIds.every((a) => covered.has(a))) continue;
    picked.push(run);
    for (const a of run.accountIds) covered.add(a);
  }
  return picked;
}

function overallStatus(runs: readonly ScanRun[]): OverallRunStatus {
  if (runs.length === 0) return 'NONE';
  return runs.reduce<RunStatus>((worst, r) => (RUN_SEVERITY[r.status] > RUN_SEVERITY[worst] ? r.status : worst), 'COMPLETE');
}

function summarizeRun(run: ScanRun): RunSummary {
  return {
    id: run.id,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    accountIds: [...run.accountIds],
    regions: [...run.regions],
    collectionErrorCount: run.collectionErrors.length,
    ...(run.thresholds ? { thresholds: run.thresholds } : {}),
  };
}

function acceptance(s: Suppression, days: number, states: readonly FindingState[]): AcceptanceItem {
  return {
    id: s.id,
    accountId: s.accountId,
    checkId: s.checkId,
    resourcePattern: s.resourcePattern,
    reason: s.reason,
    approvedBy: s.approvedBy,
    // A date expiry applies through that day: order by the instant it ends, show the date as entered.
    expiresAt: new Date(expiryInstant(s.expiresAt)).toISOString(),
    expiresOn: s.expiresAt,
    allResources: isCatchAllPattern(s.resourcePattern),
    days,
    findingCount: states.filter((st) => !st.gone && st.finding.suppression?.id === s.id).length,
  };
}

/** Queries the store interface (never an adapter) and assembles a validated digest input. */
export async function buildDigestInput(options: BuildDigestInputOptions): Promise<DigestInput> {
  const { findings, suppressions, period, now } = options;
  const nowMs = now.getTime();
  const toMs = Date.parse(period.to);
  const trendEnd = Number.isNaN(toMs) ? now : new Date(toMs);
  const [states, transitions, runs, acceptances, trendRuns] = await Promise.all([
    findings.currentFindings(),
    findings.transitionsSince(period.from),
    findings.listRuns({ from: period.from, to: period.to }),
    suppressions.list(),
    findings.runOpenCounts({ from: trendWindowStart(trendEnd).toISOString(), to: trendEnd.toISOString() }),
  ]);
  const live = states.filter((s) => !s.gone);
  const stateByKey = new Map(live.map((s) => [s.key, s]));
  const inPeriod = transitions.filter((t) => Number.isNaN(toMs) || Date.parse(t.at) <= toMs);

  // Keep the latest transition per finding, and only if the finding is still in that state now:
  // a failure that appeared and was fixed within the week belongs to "Resolved", not to the to-do list.
  const newFailures = new Map<string, ChangedFailure>();
  const resolved = new Map<string, ResolvedItem>();
  for (const t of inPeriod) {
    const current = stateByKey.get(t.key);
    if ((t.kind === 'NEW' || t.kind === 'REGRESSED') && current?.status === 'FAIL') {
      newFailures.set(t.key, { kind: t.kind, at: t.at, finding: toDigestFinding(t.key, current.finding) });
    } else if (t.kind === 'RESOLVED' && current?.status !== 'FAIL') {
      resolved.set(t.key, { at: t.at, finding: toDigestFinding(t.key, t.finding) });
    }
  }

  const openFails = live.filter((s) => s.status === 'FAIL');
  const fixFirst = rankFixFirst(openFails.map((state) => {
    const change = newFailures.get(state.key)?.kind;
    return change ? { state, change } : { state };
  })).map(({ state, change }) => {
    const since = state.failingSince ?? state.firstSeenAt;
    return { failingSince: since, ageDays: wholeDays(Date.parse(since), nowMs), ...(change ? { change } : {}), finding: toDigestFinding(state.key, state.finding) };
  });
  const openBySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const s of openFails) openBySeverity[s.finding.severity] += 1;

  const latestRuns = latestRunsPerAccount(runs);
  const accounts = [...new Set([...latestRuns.flatMap((r) => r.accountIds), ...live.map((s) => s.finding.resource.accountId)])].sort();
  const regions = [...new Set(latestRuns.flatMap((r) => r.regions))].sort();
  const posture = computePosture(live, now.toISOString());
  const active = acceptances.filter((s) => !s.revokedAt);

  const input: DigestInput = {
    organizationName: options.organizationName,
    generatedAt: now.toISOString(),
    period: { ...period },
    accounts,
    regions,
    runs: latestRuns.map(summarizeRun),
    runStatus: overallStatus(latestRuns),
    posture,
    ...(options.previousPosture ? { previousPosture: options.previousPosture } : {}),
    postureByStandard: postureRows(posture, options.previousPosture),
    newFailures: [...newFailures.values()].sort(bySeverityThenTime),
    resolved: [...resolved.values()].sort((a, b) => b.at.localeCompare(a.at)),
    openFailureCount: openFails.length,
    openBySeverity,
    fixFirst,
    trend: computeTrend(trendRuns, trendEnd),
    periodRuns: {
      total: runs.length,
      complete: runs.filter((r) => r.status === 'COMPLETE').length,
      partial: runs.filter((r) => r.status === 'PARTIAL').length,
      failed: runs.filter((r) => r.status === 'FAILED').length,
      collectionErrors: runs.reduce((n, r) => n + r.collectionErrors.length, 0),
    },
    oldestOpenFailures: oldestFirst(openFails, options.oldestLimit ?? 50)
      .map((s) => {
        const since = s.failingSince ?? s.firstSeenAt;
        return { failingSince: since, ageDays: wholeDays(Date.parse(since), nowMs), finding: toDigestFinding(s.key, s.finding) };
      }),
    errors: live
      .filter((s) => s.status === 'ERROR')
      .sort((a, b) => a.lastChangedAt.localeCompare(b.lastChangedAt))
      .map((s) => ({
        since: s.lastChangedAt,
        ...(s.lastAssessedStatus ? { lastAssessedStatus: s.lastAssessedStatus } : {}),
        finding: toDigestFinding(s.key, s.finding),
      })),
    activeAcceptances: active
      .filter((s) => expiryInstant(s.expiresAt) > nowMs)
      .map((s) => acceptance(s, Math.ceil((expiryInstant(s.expiresAt) - nowMs) / DAY_MS), live))
      .sort((a, b) => Number(b.allResources) - Number(a.allResources) || a.expiresAt.localeCompare(b.expiresAt) || a.id.localeCompare(b.id)),
    expiringAcceptances: active
      .filter((s) => expiryInstant(s.expiresAt) > nowMs && expiryInstant(s.expiresAt) <= nowMs + EXPIRING_WINDOW_DAYS * DAY_MS)
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))
      .map((s) => acceptance(s, Math.ceil((expiryInstant(s.expiresAt) - nowMs) / DAY_MS), live)),
    expiredAcceptances: active
      .filter((s) => expiryInstant(s.expiresAt) <= nowMs)
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))
      .map((s) => acceptance(s, wholeDays(expiryInstant(s.expiresAt), nowMs), live)),
    notLookedAt: notLookedAt(latestRuns),
    securityContact: {
      officerEmails: [...options.officerEmails],
      accounts: securityContactStatus(live, accounts, options.officerEmails),
    },
    ...(options.bundleLink ? { bundleLink: { ...options.bundleLink } } : {}),
    ...(options.bundleMissing ? { bundleMissing: { ...options.bundleMissing } } : {}),
    ...(options.signingKeyFingerprint ? { signingKeyFingerprint: options.signingKeyFingerprint } : {}),
  };
  return DigestInputSchema.parse(input);
}

/**
 * Regions where something present was not assessed, or where there was no inventory to tell. A run
 * without coverage (recorded before coverage existed) says so rather than passing for "all assessed".
 */
function notLookedAt(runs: readonly ScanRun[]): RegionCoverage[] {
  return runs.flatMap((run) =>
    run.coverage
      ? run.coverage.filter((c) => c.source === 'unavailable' || c.unassessed.length > 0)
      : run.accountIds.map((accountId) => ({
          accountId,
          region: 'all regions',
          source: 'unavailable' as const,
          reason: `run ${run.id} recorded no inventory`,
          assessed: [],
          unassessed: [],
        })),
  );
}

function bySeverityThenTime(a: ChangedFailure, b: ChangedFailure): number {
  return severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.at.localeCompare(b.at);
}
