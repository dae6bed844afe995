import type { RegionCoverage } from '../../model/coverage.js';
import type { Finding } from '../../model/finding.js';
import { isKnownCitation, specification, STANDARD_ORDER, type HipaaSpecification } from '../../model/hipaa.js';
import type { ScanRun } from '../../model/run.js';
import { SEVERITIES, severityRank, type Severity } from '../../model/severity.js';
import { FINDING_STATUSES, type FindingStatus } from '../../model/status.js';
import type { ThresholdsRecord } from '../../model/thresholds.js';

/** Statuses an officer has to act on or know about: shown open, one block per check. */
export const ATTENTION_STATUSES = ['FAIL', 'ERROR', 'SUPPRESSED'] as const satisfies readonly FindingStatus[];
/** Statuses that are evidence of a control working (or not applying): collapsed per check, to keep the file small. */
export const SETTLED_STATUSES = ['PASS', 'NOT_APPLICABLE'] as const satisfies readonly FindingStatus[];

const STATUS_RANK: Record<FindingStatus, number> = { FAIL: 0, ERROR: 1, SUPPRESSED: 2, PASS: 3, NOT_APPLICABLE: 4 };
const OTHER_STANDARD = 'Other';

/** One check's findings of one kind (attention or settled), with what they share said once. */
export interface CheckGroup {
  checkId: string;
  title: string;
  severity: Severity;
  /** Each citation with its specification, when it is a known one. */
  citations: { citation: string; spec?: HipaaSpecification }[];
  /** Every standard the check cites; the standard filter matches any of them. */
  standards: string[];
  /** The remediation every finding of the group shares; undefined when they differ (then each row shows its own). */
  remediation?: string;
  findings: Finding[];
  counts: Partial<Record<FindingStatus, number>>;
}

export interface StandardSummaryRow {
  standard: string;
  counts: Record<FindingStatus, number>;
}

/** Everything the page shows, computed once; the markup only lays it out. */
export interface HtmlReportModel {
  run: ScanRun;
  thresholds?: ThresholdsRecord;
  totals: Record<FindingStatus, number>;
  /** A finding counts once under each standard it cites (as in the bundle's SUMMARY.md). */
  standards: StandardSummaryRow[];
  attention: CheckGroup[];
  settled: CheckGroup[];
  coverage: RegionCoverage[];
  collectionErrors: ScanRun['collectionErrors'];
  /** Filter choices: only values that occur in the findings. */
  filters: { statuses: FindingStatus[]; severities: Severity[]; standards: string[]; accounts: string[] };
}

export function buildHtmlReportModel(run: ScanRun, findings: readonly Finding[]): HtmlReportModel {
  const attention = groupByCheck(findings.filter((f) => isOneOf(f.status, ATTENTION_STATUSES)));
  const settled = groupByCheck(findings.filter((f) => isOneOf(f.status, SETTLED_STATUSES)));
  attention.sort((a, b) => worstRank(a) - worstRank(b) || severityRank(a.severity) - severityRank(b.severity) || a.checkId.localeCompare(b.checkId));
  settled.sort((a, b) => standardRank(a.standards[0]) - standardRank(b.standards[0]) || a.checkId.localeCompare(b.checkId));
  const standards = summarizeStandards(findings);
  const present = new Set(findings.map((f) => f.status));
  return {
    run,
    thresholds: run.thresholds,
    totals: countStatuses(findings),
    standards,
    attention,
    settled,
    coverage: run.coverage ?? [],
    collectionErrors: run.collectionErrors,
    filters: {
      statuses: FINDING_STATUSES.filter((s) => present.has(s)).sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b]),
      severities: SEVERITIES.filter((s) => findings.some((f) => f.severity === s)),
      standards: standards.filter((row) => Object.values(row.counts).some((n) => n > 0)).map((row) => row.standard),
      accounts: [...new Set([...run.accountIds, ...findings.map((f) => f.resource.accountId)])].sort(),
    },
  };
}

function isOneOf<T extends string>(value: string, list: readonly T[]): value is T {
  return (list as readonly string[]).includes(value);
}

function standardsOf(citations: readonly string[]): string[] {
  const standards = new Set(citations.map((c) => (isKnownCitation(c) ? specification(c).standard : OTHER_STANDARD)));
  return [...standards].sort((a, b) => standardRank(a) - standardRank(b));
}

function standardRank(standard: string | undefined): number {
  const i = standard === undefined ? -1 : STANDARD_ORDER.indexOf(standard);
  return i === -1 ? STANDARD_ORDER.length : i;
}

/** Rows are sorted worst status first (compareRows), so the first row is the group's worst. */
function worstRank(group: CheckGroup): number {
  const first = group.findings[0];
  return first ? STATUS_RANK[first.status] : Number.MAX_SAFE_INTEGER;
}

function groupByCheck(findings: readonly Finding[]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.checkId);
    if (!group) {
      group = {
        checkId: finding.checkId,
        title: finding.title,
        severity: finding.severity,
        citations: finding.citations.map((citation) => ({ citation, spec: isKnownCitation(citation) ? specification(citation) : undefined })),
        standards: standardsOf(finding.citations),
        remediation: finding.remediation,
        findings: [],
        counts: {},
      };
      groups.set(finding.checkId, group);
    }
    if (group.remediation !== finding.remediation) group.remediation = undefined;
    group.findings.push(finding);
    group.counts[finding.status] = (group.counts[finding.status] ?? 0) + 1;
  }
  for (const group of groups.values()) group.findings.sort(compareRows);
  return [...groups.values()];
}

function compareRows(a: Finding, b: Finding): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    a.resource.accountId.localeCompare(b.resource.accountId) ||
    a.resource.region.localeCompare(b.resource.region) ||
    a.resource.arn.localeCompare(b.resource.arn)
  );
}

function emptyCounts(): Record<FindingStatus, number> {
  return { FAIL: 0, ERROR: 0, SUPPRESSED: 0, PASS: 0, NOT_APPLICABLE: 0 };
}

function countStatuses(findings: readonly Finding[]): Record<FindingStatus, number> {
  const counts = emptyCounts();
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

function summarizeStandards(findings: readonly Finding[]): StandardSummaryRow[] {
  const rows = new Map<string, Record<FindingStatus, number>>(STANDARD_ORDER.map((s) => [s, emptyCounts()]));
  for (const f of findings) {
    for (const standard of standardsOf(f.citations)) {
      const counts = rows.get(standard) ?? emptyCounts();
      counts[f.status] += 1;
      rows.set(standard, counts);
    }
  }
  return [...rows.entries()].map(([standard, counts]) => ({ standard, counts }));
}
