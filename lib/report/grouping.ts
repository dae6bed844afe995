import type { Finding } from '../model/finding.js';
import type { FindingStatus } from '../model/status.js';
import { specification, STANDARD_ORDER } from '../model/hipaa.js';
import { severityRank } from '../model/severity.js';

const STATUS_RANK: Record<FindingStatus, number> = { FAIL: 0, ERROR: 1, SUPPRESSED: 2, PASS: 3, NOT_APPLICABLE: 4 };

export interface StandardGroup {
  standard: string;
  findings: Finding[];
}

/** Groups findings under the HIPAA standard of their first citation, in regulation order, failures first. */
export function groupByStandard(findings: readonly Finding[]): StandardGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const first = finding.citations[0];
    const standard = first ? specification(first).standard : 'Other';
    const list = groups.get(standard) ?? [];
    list.push(finding);
    groups.set(standard, list);
  }
  const order = (standard: string) => {
    const i = STANDARD_ORDER.indexOf(standard);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([standard, list]) => ({ standard, findings: list.sort(compareFindings) }));
}

/** Within a standard: failures first, then errors, ...; within each status, most severe first. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    severityRank(a.severity) - severityRank(b.severity) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resource.arn.localeCompare(b.resource.arn)
  );
}

/**
 * One list across standards, most severe first: what needs attention (FAIL, ERROR, SUPPRESSED) before
 * what does not, then severity, then FAIL before ERROR before SUPPRESSED.
 */
export function compareBySeverity(a: Finding, b: Finding): number {
  const open = (f: Finding) => (STATUS_RANK[f.status] <= STATUS_RANK.SUPPRESSED ? 0 : 1);
  return open(a) - open(b) || severityRank(a.severity) - severityRank(b.severity) || compareFindings(a, b);
}
