import type { Finding } from '../model/finding.js';
import { isKnownCitation, specification, STANDARD_ORDER } from '../model/hipaa.js';

export const SUMMARY_STATUSES = ['PASS', 'FAIL', 'ERROR', 'SUPPRESSED'] as const;
type SummaryStatus = (typeof SUMMARY_STATUSES)[number];
export type StandardCounts = Record<SummaryStatus, number>;

export interface RunSummary {
  accountId: string;
  runId: string;
  startedAt: string;
  status: string;
  /** One row per standard in STANDARD_ORDER; a finding counts once per standard it cites. */
  standards: { standard: string; counts: StandardCounts }[];
}

export function summarizeFindings(findings: readonly Pick<Finding, 'status' | 'citations'>[]): RunSummary['standards'] {
  const rows = new Map(STANDARD_ORDER.map((s) => [s, { PASS: 0, FAIL: 0, ERROR: 0, SUPPRESSED: 0 } as StandardCounts]));
  for (const f of findings) {
    if (!(SUMMARY_STATUSES as readonly string[]).includes(f.status)) continue; // NOT_APPLICABLE is not evidence either way
    const standards = new Set(f.citations.filter(isKnownCitation).map((c) => specification(c).standard));
    for (const standard of standards) {
      const row = rows.get(standard);
      if (row) row[f.status as SummaryStatus] += 1;
    }
  }
  return STANDARD_ORDER.map((standard) => ({ standard, counts: rows.get(standard) ?? { PASS: 0, FAIL: 0, ERROR: 0, SUPPRESSED: 0 } }));
}

export function renderSummaryMarkdown(runs: readonly RunSummary[]): string {
  const lines = ['# Findings by HIPAA Security Rule standard', '', 'Derived from each run\'s findings.json (which the signed manifest covers); this file itself is not signed.', ''];
  for (const run of runs) {
    lines.push(`## Account ${run.accountId}, run ${run.runId}`, '', `Started ${run.startedAt}, status ${run.status}.`, '');
    lines.push(`| Standard | ${SUMMARY_STATUSES.join(' | ')} |`, `|---|${SUMMARY_STATUSES.map(() => '---:').join('|')}|`);
    for (const row of run.standards) lines.push(`| ${row.standard} | ${SUMMARY_STATUSES.map((s) => row.counts[s]).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
