import { z } from 'zod';
import { FindingSchema } from './finding.js';
import { FINDING_STATUSES } from './status.js';
import { findingKey, type Finding } from './finding.js';
import type { FindingStatus } from './status.js';
import type { ScanRun } from './run.js';
import type { FindingState } from './finding-state.js';

/**
 * How a finding moved between two runs. NEW: first FAIL. PERSISTING: still FAIL (implied, never stored:
 * see IMPLIED_KINDS). RESOLVED: FAIL -> PASS.
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

/**
 * Kinds that are implied by the state instead of recorded: a FAIL that is still a FAIL is the common case
 * (most of an account's failures, every day), so recording it would make history grow with the size of the
 * account instead of with what changed. Items of these kinds written before this rule still parse.
 */
export const IMPLIED_KINDS: ReadonlySet<TransitionKind> = new Set(['PERSISTING']);

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

/**
 * Pure state machine: previous current-state map + one run's findings -> the states to write and the
 * transitions to append. No I/O and no clock: the time of everything is `run.finishedAt`, so replaying
 * the same run over the same previous states always yields the same result (the store relies on this
 * for idempotent re-stores).
 */
export interface TransitionResult {
  /**
   * New or changed states only, sorted by key. A state the run saw again without any change (same status,
   * same finding) is not returned: its "last seen" is implied by the run (lib/store keeps it per account and
   * region), so an unchanged account costs no state writes. A first sight that is NOT_APPLICABLE gets no state.
   */
  states: FindingState[];
  /** At most one per key, sorted by key; implied kinds (PERSISTING) are not included. */
  transitions: Transition[];
  /** Keys seen again still failing (PERSISTING, implied): counted, not recorded. */
  persisting: number;
}

export interface TransitionOptions {
  /**
   * Checks that actually ran. When a run evaluated only a subset of the catalog (`--checks a,b`), states
   * of the other checks must not become GONE just because they were not evaluated. Default: all checks.
   */
  evaluatedCheckIds?: ReadonlySet<string>;
}

/** Scope a finding lives in: `<accountId>#<region>` (`global` for IAM and account-level resources). */
export function scopeOf(resource: { accountId: string; region: string }): string {
  return `${resource.accountId}#${resource.region}`;
}

// When one run reports the same key twice (shouldn't happen, but checks are written by many people),
// keep the most alarming verdict so a duplicate PASS can never mask a FAIL.
const PRIORITY: Record<FindingStatus, number> = { FAIL: 0, SUPPRESSED: 1, ERROR: 2, PASS: 3, NOT_APPLICABLE: 4 };

function dedupe(findings: readonly Finding[]): Map<string, Finding> {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const key = findingKey(f);
    const existing = byKey.get(key);
    if (!existing || PRIORITY[f.status] < PRIORITY[existing.status]) byKey.set(key, f);
  }
  return byKey;
}

/**
 * The (account, region) scopes in which "not reported" may be read as "no longer exists".
 * Conservative on purpose: a FAILED run covers nothing; any collection error in a scope removes it; a
 * collection error without a region (global/account-level call) removes the whole account, because we
 * cannot tell which resources depended on it. `global` counts as covered only if the run reported at
 * least one global finding for the account (the run record does not say whether globals were collected).
 */
export function coveredScopes(run: ScanRun, findings: readonly Finding[]): Set<string> {
  const covered = new Set<string>();
  if (run.status === 'FAILED') return covered;
  const blockedAccounts = new Set<string>();
  const blockedScopes = new Set<string>();
  for (const e of run.collectionErrors) {
    if (e.region === undefined || e.region === 'global') blockedAccounts.add(e.accountId);
    else blockedScopes.add(`${e.accountId}#${e.region}`);
  }
  const globalReported = new Set(findings.filter((f) => f.resource.region === 'global').map((f) => f.resource.accountId));
  for (const accountId of run.accountIds) {
    if (blockedAccounts.has(accountId)) continue;
    const regions = globalReported.has(accountId) ? [...run.regions, 'global'] : run.regions;
    for (const region of regions) {
      const scope = `${accountId}#${region}`;
      if (!blockedScopes.has(scope)) covered.add(scope);
    }
  }
  return covered;
}

/** The last status that was a real assessment: ERROR never overwrites what we knew. */
function assessed(state: FindingState): FindingStatus | undefined {
  return state.status === 'ERROR' ? state.lastAssessedStatus : state.status;
}

const isFailing = (s: FindingStatus | undefined): boolean => s === 'FAIL' || s === 'SUPPRESSED';

interface Step {
  kind?: TransitionKind;
  state: FindingState;
  /** False when the run saw the key again and nothing about it changed (no write needed). */
  changed: boolean;
}

function firstSight(f: Finding, key: string, run: ScanRun, at: string): Step {
  const state: FindingState = {
    key,
    finding: f,
    status: f.status,
    ...(f.status !== 'ERROR' ? { lastAssessedStatus: f.status } : {}),
    firstSeenAt: at,
    ...(isFailing(f.status) ? { failingSince: at } : {}),
    lastSeenAt: at,
    lastChangedAt: at,
    lastRunId: run.id,
    gone: false,
    everResolved: false,
  };
  const kind: TransitionKind | undefined =
    f.status === 'FAIL' ? 'NEW' : f.status === 'SUPPRESSED' ? 'SUPPRESSED' : f.status === 'ERROR' ? 'ERRORED' : undefined;
  // A check that has never applied to a resource has no history worth a state: nothing reads it (the
  // digest's posture leaves NOT_APPLICABLE out), and if it later fails that is NEW with or without one.
  // The signed findings of every run still list it. About a tenth of an account's findings (issue 16).
  const changed = f.status !== 'NOT_APPLICABLE';
  return kind ? { kind, state, changed } : { state, changed };
}

/** Transition kind for a key seen before, or undefined when nothing worth recording happened. */
function kindFor(prev: FindingState, next: FindingStatus): TransitionKind | undefined {
  const before = assessed(prev);
  // A failure that was closed (resolved, or its resource vanished) and comes back is a regression.
  const closedFailure = prev.everResolved || (prev.gone && isFailing(before));
  switch (next) {
    case 'ERROR':
      return prev.status === 'ERROR' ? undefined : 'ERRORED';
    case 'FAIL':
      if (before === 'SUPPRESSED' && !prev.gone) return 'UNSUPPRESSED';
      if (before === 'FAIL' && !prev.gone) return 'PERSISTING';
      return closedFailure ? 'REGRESSED' : 'NEW';
    case 'SUPPRESSED':
      return before === 'SUPPRESSED' && !prev.gone ? undefined : 'SUPPRESSED';
    case 'PASS':
    case 'NOT_APPLICABLE':
      // NOT_APPLICABLE is an assessment too (the check no longer applies), so it closes a failure.
      return isFailing(before) && !prev.gone ? 'RESOLVED' : undefined;
  }
}

function seenAgain(prev: FindingState, f: Finding, run: ScanRun, at: string): Step {
  const kind = kindFor(prev, f.status);
  const stillFailing = f.status === 'ERROR' ? isFailing(assessed(prev)) && !prev.gone : isFailing(f.status);
  // Keep the original start of an unbroken failure (through ERROR and suppression) so ages are honest.
  const failingSince = stillFailing ? (isFailing(assessed(prev)) && !prev.gone && prev.failingSince) || at : undefined;
  const lastAssessedStatus = f.status === 'ERROR' ? (prev.gone ? undefined : assessed(prev)) : f.status;
  const state: FindingState = {
    key: prev.key,
    // The latest finding (on ERROR its reason says why); the verdict survives in lastAssessedStatus.
    finding: f,
    status: f.status,
    ...(lastAssessedStatus ? { lastAssessedStatus } : {}),
    firstSeenAt: prev.firstSeenAt,
    ...(failingSince ? { failingSince } : {}),
    lastSeenAt: at,
    lastChangedAt: f.status !== prev.status || prev.gone ? at : prev.lastChangedAt,
    lastRunId: run.id,
    gone: false,
    everResolved: prev.everResolved || kind === 'RESOLVED',
  };
  const changed = materiallyChanged(prev, state);
  return kind ? { kind, state, changed } : { state, changed };
}

/**
 * Did anything but "last seen" change? A new reason text or remediation counts (the digest shows the
 * state's finding), so the stored finding is always the latest one.
 */
function materiallyChanged(prev: FindingState, next: FindingState): boolean {
  return (
    prev.status !== next.status ||
    prev.lastAssessedStatus !== next.lastAssessedStatus ||
    prev.failingSince !== next.failingSince ||
    prev.firstSeenAt !== next.firstSeenAt ||
    prev.lastChangedAt !== next.lastChangedAt ||
    prev.gone !== next.gone ||
    prev.everResolved !== next.everResolved ||
    stableJson(prev.finding) !== stableJson(next.finding)
  );
}

/** JSON with object keys sorted, so two equal findings compare equal whatever order their keys came in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function vanished(prev: FindingState, run: ScanRun, at: string): Step {
  const { failingSince: _closed, ...rest } = prev;
  return {
    kind: 'GONE',
    state: { ...rest, gone: true, lastChangedAt: at, lastRunId: run.id },
    changed: true,
  };
}

/**
 * States this run must leave alone: already updated by this very run (an interrupted earlier attempt
 * to store it), or updated by a newer run (out-of-order replay must not rewind history).
 */
function untouchable(prev: FindingState, run: ScanRun): boolean {
  return prev.lastRunId === run.id || prev.lastSeenAt > run.finishedAt || prev.lastChangedAt > run.finishedAt;
}

export function computeTransitions(
  previous: ReadonlyMap<string, FindingState>,
  run: ScanRun,
  findings: readonly Finding[],
  options: TransitionOptions = {},
): TransitionResult {
  const at = run.finishedAt;
  const current = dedupe(findings);
  const covered = coveredScopes(run, findings);
  const steps: Step[] = [];

  for (const [key, f] of current) {
    const prev = previous.get(key);
    if (prev && untouchable(prev, run)) continue;
    steps.push(prev ? seenAgain(prev, f, run, at) : firstSight(f, key, run, at));
  }
  for (const [key, prev] of previous) {
    if (current.has(key) || prev.gone || untouchable(prev, run)) continue;
    const r = prev.finding.resource;
    if (!run.accountIds.includes(r.accountId) || !covered.has(scopeOf(r))) continue;
    if (options.evaluatedCheckIds && !options.evaluatedCheckIds.has(prev.finding.checkId)) continue;
    steps.push(vanished(prev, run, at));
  }

  steps.sort((a, b) => (a.state.key < b.state.key ? -1 : a.state.key > b.state.key ? 1 : 0));
  const transitions: Transition[] = [];
  let persisting = 0;
  for (const { kind, state } of steps) {
    if (!kind) continue;
    if (IMPLIED_KINDS.has(kind)) {
      persisting += 1;
      continue;
    }
    const prev = previous.get(state.key);
    transitions.push({
      key: state.key,
      runId: run.id,
      at,
      kind,
      ...(prev ? { from: prev.status } : {}),
      ...(kind !== 'GONE' ? { to: state.status } : {}),
      finding: state.finding,
    });
  }
  return { states: steps.filter((s) => s.changed).map((s) => s.state), transitions, persisting };
}

/** Whole days a state has been failing at `now` (0 when not failing); for "oldest open failures". */
export function failureAgeDays(state: Pick<FindingState, 'failingSince'>, now: Date): number {
  if (!state.failingSince) return 0;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(state.failingSince)) / 86_400_000));
}
