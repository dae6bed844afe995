import type { Finding } from './finding.js';
import { isCatchAllPattern, matchesPattern } from './resource-pattern.js';
import { z } from 'zod';

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

/**
 * Documented risk acceptances applied to findings. Pure: the clock is injected so expiry is testable
 * and a report re-rendered later shows what applied at scan time.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * The instant an acceptance stops applying. A `YYYY-MM-DD` expiry is inclusive: the acceptance holds
 * through the end of that day (UTC), which is what an approver writing "expires 2025-06-30" means.
 */
export function expiryInstant(expiresAt: string): number {
  if (DATE_ONLY.test(expiresAt)) return Date.parse(`${expiresAt}T00:00:00.000Z`) + DAY_MS;
  return Date.parse(expiresAt);
}

export function isExpired(s: Pick<Suppression, 'expiresAt'>, now: Date): boolean {
  const end = expiryInstant(s.expiresAt);
  // An unparseable expiry fails closed: the acceptance does not apply.
  return Number.isNaN(end) || now.getTime() >= end;
}

export function isActive(s: Suppression, now: Date): boolean {
  return s.revokedAt === undefined && !isExpired(s, now);
}

export { isCatchAllPattern, matchesPattern } from './resource-pattern.js';

export function suppressionMatches(s: Suppression, finding: Finding): boolean {
  const r = finding.resource;
  return (
    (s.accountId === '*' || s.accountId === r.accountId) &&
    s.checkId === finding.checkId &&
    (matchesPattern(s.resourcePattern, r.arn) || matchesPattern(s.resourcePattern, r.id))
  );
}

/**
 * FAILs covered by an active acceptance become SUPPRESSED with a reference to it. A FAIL whose only
 * matching acceptances have expired stays FAIL, and its reason says so (the officer should renew or
 * fix, not wonder why it reappeared). Other statuses are untouched: a PASS needs no acceptance and an
 * ERROR must stay visible. Revoked acceptances are ignored entirely.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], now: Date): Finding[] {
  // Deterministic choice when several apply: the one lasting longest, then by id.
  const candidates = suppressions
    .filter((s) => s.revokedAt === undefined)
    .sort((a, b) => expiryInstant(b.expiresAt) - expiryInstant(a.expiresAt) || a.id.localeCompare(b.id));
  return findings.map((finding) => {
    if (finding.status !== 'FAIL') return finding;
    const matching = candidates.filter((s) => suppressionMatches(s, finding));
    const active = matching.find((s) => !isExpired(s, now));
    if (active) {
      return {
        ...finding,
        status: 'SUPPRESSED' as const,
        suppression: { id: active.id, reason: active.reason, approvedBy: active.approvedBy, expiresAt: active.expiresAt },
      };
    }
    const expired = matching[0];
    if (!expired) return finding;
    return { ...finding, reason: `${finding.reason} (risk acceptance ${expired.id} expired ${expired.expiresAt})` };
  });
}

export interface SuppressionInput {
  checkId?: string;
  resourcePattern?: string;
  reason?: string;
  approvedBy?: string;
  expiresAt?: string;
  /** Exact 12-digit account id or `*`; default `*`. */
  accountId?: string;
}

export interface ValidationOptions {
  /** Longest allowed acceptance; HIPAA risk management expects periodic review. Default 3 years. */
  maxYears?: number;
  /** The officer explicitly accepts the risk for every resource of the check (`--all-resources`). */
  allResources?: boolean;
}

/**
 * Long enough for a sentence and a ticket reference. The digest shows every active acceptance, and an
 * email past ~102 KB is clipped by Gmail, hiding the sections after it.
 */
export const MAX_REASON_CHARS = 500;
export const MAX_APPROVER_CHARS = 200;

export type ValidationResult =
  | { ok: true; value: Omit<Suppression, 'id' | 'createdAt'> }
  | { ok: false; errors: string[] };

function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function validDate(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false;
  // Round-trip so 2025-02-30 is rejected instead of silently becoming March 2.
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function validateExpiry(expiresAt: string | undefined, now: Date, maxYears: number): string | undefined {
  if (!expiresAt) return 'an expiry date is required (--expires YYYY-MM-DD): acceptances are reviewed, not permanent';
  if (!validDate(expiresAt)) return `expiry "${expiresAt}" is not a valid YYYY-MM-DD date`;
  const today = utcDay(now);
  if (expiresAt < today) return `expiry ${expiresAt} is in the past (today is ${today})`;
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + maxYears);
  if (expiresAt > utcDay(limit)) return `expiry ${expiresAt} is more than ${maxYears} years out (latest allowed ${utcDay(limit)})`;
  return undefined;
}

function unknownCheck(checkId: string, known: readonly string[]): string {
  // Suggest ids for the same service (the part before the first `_`), the likeliest typo.
  const service = checkId.split('_')[0] ?? '';
  const similar = known.filter((id) => id.startsWith(`${service}_`)).slice(0, 5);
  const hint = similar.length > 0 ? `; did you mean one of: ${similar.join(', ')}` : known.length === 0 ? '; no checks are registered' : '';
  return `unknown check id "${checkId}"${hint}`;
}

/** Checks everything a person could get wrong on `accept`, and reports all problems at once. */
export function validateSuppressionInput(
  input: SuppressionInput,
  knownCheckIds: readonly string[],
  now: Date,
  options: ValidationOptions = {},
): ValidationResult {
  const errors: string[] = [];
  const checkId = input.checkId?.trim() ?? '';
  const resourcePattern = input.resourcePattern?.trim() ?? '';
  const reason = input.reason?.trim() ?? '';
  const approvedBy = input.approvedBy?.trim() ?? '';
  const expiresAt = input.expiresAt?.trim();
  const accountId = input.accountId?.trim() || '*';

  if (!checkId) errors.push('a check id is required (--check <id>)');
  else if (!knownCheckIds.includes(checkId)) errors.push(unknownCheck(checkId, knownCheckIds));
  if (!resourcePattern) errors.push('a resource ARN, id or pattern is required (--resource)');
  // A pattern matching every resource would silently switch the check off everywhere: only on explicit request.
  else if (isCatchAllPattern(resourcePattern) && !options.allResources) {
    errors.push(
      `resource pattern "${resourcePattern.slice(0, 100)}" is too broad, it matches every resource of the check: name the resources (e.g. arn:aws:s3:::scratch-*), ` +
        'or pass --all-resources to accept the risk for all of them (shown prominently in every digest while it lasts)',
    );
  }
  if (!reason) errors.push('a reason is required (--reason): the acceptance must be documented');
  else if (reason.length > MAX_REASON_CHARS) errors.push(`the reason is ${reason.length} characters; at most ${MAX_REASON_CHARS} (refer to a ticket for details)`);
  if (!approvedBy) errors.push('an approver is required (--approver)');
  else if (approvedBy.length > MAX_APPROVER_CHARS) errors.push(`the approver is ${approvedBy.length} characters; at most ${MAX_APPROVER_CHARS}`);
  if (accountId !== '*' && !/^\d{12}$/.test(accountId)) errors.push(`account "${accountId}" is not a 12-digit account id or "*"`);
  const expiryError = validateExpiry(expiresAt, now, options.maxYears ?? 3);
  if (expiryError) errors.push(expiryError);

  if (errors.length > 0 || !expiresAt) return { ok: false, errors };
  return { ok: true, value: { accountId, checkId, resourcePattern, reason, approvedBy, expiresAt } };
}
