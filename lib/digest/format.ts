import type { DigestInput, OverallRunStatus, PostureCounts, SecurityContactStatus } from './input.js';

/** Shared wording for the HTML and text bodies, so both always say the same thing. */

export interface RenderOptions {
  /** Longer lists end with "and N more"; the full list is in the evidence bundle. */
  maxItemsPerList?: number;
}

export const DEFAULT_MAX_ITEMS = 15;

export function periodLabel(period: DigestInput['period']): string {
  return `${period.from.slice(0, 10)} to ${period.to.slice(0, 10)}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const SUBJECT_FLAG: Record<OverallRunStatus, string> = {
  COMPLETE: '',
  PARTIAL: ' (partial run)',
  FAILED: ' (run failed)',
  NONE: ' (no audit run)',
};

/** Mail subjects are a single header line: newlines in an organization name must not split it. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

export function subjectLine(input: DigestInput): string {
  const newCount = input.newFailures.length;
  const fixed = input.resolved.length;
  const parts = [newCount === 0 ? 'no new failures' : plural(newCount, 'new failure')];
  if (fixed > 0) parts.push(`${fixed} fixed`);
  return `[HIPAA audit] ${oneLine(input.organizationName)}: ${periodLabel(input.period)} — ${parts.join(', ')}${SUBJECT_FLAG[input.runStatus]}`;
}

export interface Banner {
  /** `info`: neutral. A complete run says nothing about posture, so it must not look like "all good". */
  tone: 'info' | 'ok' | 'warn' | 'bad';
  title: string;
  detail: string;
}

export function runBanner(input: DigestInput): Banner {
  const accounts = plural(input.accounts.length, 'account');
  switch (input.runStatus) {
    case 'COMPLETE':
      return { tone: 'info', title: 'Audit run complete', detail: `All checks ran for ${accounts}.` };
    case 'PARTIAL':
      return {
        tone: 'warn',
        title: 'PARTIAL RUN: results are incomplete',
        detail: 'Some configuration could not be read. Items under "Could not be assessed" are unknown, not compliant.',
      };
    case 'FAILED':
      return {
        tone: 'bad',
        title: 'AUDIT RUN FAILED',
        detail: 'The latest run did not finish. The numbers below are from the last known state and may be out of date.',
      };
    case 'NONE':
      return {
        tone: 'bad',
        title: 'NO AUDIT RUN IN THIS PERIOD',
        detail: 'No run finished between these dates; ongoing evaluation (164.308(a)(8)) is not evidenced for this period.',
      };
  }
}

export interface Delta {
  value: number;
  /** Signed change since the previous digest, undefined when there is no previous digest. */
  change?: number;
}

export function delta(current: number, previous: number | undefined): Delta {
  return previous === undefined ? { value: current } : { value: current, change: current - previous };
}

export function signed(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '±0';
}

export function headline(input: DigestInput): { label: string; delta: Delta; /** Higher is worse. */ bad: boolean }[] {
  const prev: PostureCounts | undefined = input.previousPosture?.totals;
  const regressed = input.newFailures.filter((f) => f.kind === 'REGRESSED').length;
  return [
    { label: 'Open failures', delta: delta(input.posture.totals.fail, prev?.fail), bad: true },
    { label: 'New', delta: { value: input.newFailures.length - regressed }, bad: true },
    { label: 'Regressed', delta: { value: regressed }, bad: true },
    { label: 'Fixed', delta: { value: input.resolved.length }, bad: false },
    { label: 'Not assessed', delta: delta(input.posture.totals.error, prev?.error), bad: true },
    { label: 'Risk-accepted', delta: delta(input.posture.totals.suppressed, prev?.suppressed), bad: false },
  ];
}

export function capped<T>(items: readonly T[], options: RenderOptions, total = items.length): { shown: T[]; more: number } {
  const max = Math.max(1, options.maxItemsPerList ?? DEFAULT_MAX_ITEMS);
  const shown = items.slice(0, max);
  return { shown, more: Math.max(0, total - shown.length) };
}

export function moreLabel(more: number): string {
  return `and ${more} more`;
}

/** Where the rest of a capped list is: each run's HTML report in the bundle (same path as BUNDLE_REPORTS_ROOT in lib/evidence/layout.ts), or the CLI. */
export const FULL_LIST_HINT = 'The full list is in the evidence bundle: open reports/<account>/<run>/report.html in a browser, or run `npx hipaa-audit scan --format html --output report.html`.';

/** Shown under the per-standard table: its rows do not add up to the headline, on purpose. */
export const PER_STANDARD_FOOTNOTE = 'A finding that cites several HIPAA standards is counted under each of them, so the rows can add up to more than the totals above.';

export function location(resource: { accountId: string; region: string }): string {
  return `${resource.region} · account ${resource.accountId}`;
}

export const CONTACT_LABEL: Record<SecurityContactStatus, string> = {
  OK: 'Designated',
  MISSING: 'MISSING',
  DIFFERS: 'Differs from the designated officer',
  ERROR: 'Could not be checked',
  NOT_ASSESSED: 'Not assessed',
};

/** True when the 164.308(a)(2) warning must be shown. */
export function contactNeedsAttention(input: DigestInput): boolean {
  return input.securityContact.accounts.some((a) => a.status !== 'OK');
}

export function dateOnly(iso: string): string {
  return iso.slice(0, 10);
}

/** Normalized to UTC so a timestamp stored with an offset is not shown with the wrong hour. */
export function dateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** One line per threshold that made the latest runs more lenient; the same wording in HTML and text. */
export function thresholdNotes(input: DigestInput): { belowHipaa: string[]; weaker: string[] } {
  const belowHipaa = new Set<string>();
  const weaker = new Set<string>();
  for (const run of input.runs) {
    for (const b of run.thresholds?.belowHipaaMinimum ?? []) {
      belowHipaa.add(`${b.key} ${b.value}, below HIPAA's ${b.minimum} (${b.citation}; explicit override)`);
    }
    for (const w of run.thresholds?.weakerThanDefault ?? []) weaker.add(`${w.key} ${w.value} (default ${w.default})`);
  }
  return { belowHipaa: [...belowHipaa], weaker: [...weaker] };
}

/** Scope of an acceptance in one line: check, pattern, account. */
export function acceptanceScope(a: { checkId: string; resourcePattern: string; accountId: string; allResources: boolean }): string {
  const where = a.accountId === '*' ? 'every account' : `account ${a.accountId}`;
  return `${a.checkId} on ${a.allResources ? `EVERY resource (${a.resourcePattern})` : a.resourcePattern}, ${where}`;
}
/** Regions listed under "What this audit does not look at" before "and N more"; keeps the email small. */
export const MAX_COVERAGE_ROWS = 20;
const MAX_TYPES_PER_REGION = 8;

/** `AWS::Glue::Job 12, AWS::Athena::WorkGroup 3 and 4 more types`. */
export function notLookedAtList(types: readonly { resourceType: string; count: number }[]): string {
  const listed = types.slice(0, MAX_TYPES_PER_REGION).map((t) => `${t.resourceType} ${t.count}`).join(', ');
  const rest = types.length - MAX_TYPES_PER_REGION;
  return rest > 0 ? `${listed} and ${rest} more types` : listed;
}


/** Every run of the period in one line: `7 runs: 6 complete, 1 partial, 0 failed; 2 collection errors`. */
export function periodRunsLine(input: DigestInput): string {
  const r = input.periodRuns;
  if (r.total === 0) return 'No run finished in this period.';
  return `${plural(r.total, 'run')}: ${r.complete} complete, ${r.partial} partial, ${r.failed} failed; ${plural(r.collectionErrors, 'collection error')} in total.`;
}

/** When the bundle link stops working, and why then; the same wording in HTML and text. */
export function linkExpirySentence(link: NonNullable<DigestInput['bundleLink']>): string {
  if (!link.expiresAt) return '';
  const at = dateTime(link.expiresAt);
  if (link.expiryLimitedBy === 'credentials') return `The link expires ${at}, when the credentials that signed it expire (earlier than the configured link lifetime).`;
  if (link.expiryLimitedBy === 'unknown-credentials') return `The link expires ${at} at the latest; it was signed with temporary credentials and may stop working sooner. If it does, build the bundle with hipaa-audit bundle.`;
  return `The link expires ${at}.`;
}
