import type { RegionCoverage } from '../model/coverage.js';
import type { Finding } from '../model/finding.js';
import type { FindingStatus } from '../model/status.js';
import type { ScanRun } from '../model/run.js';
import { groupByStandard } from './grouping.js';

export interface TableOptions {
  /** Show PASS and NOT_APPLICABLE rows too (otherwise only counted). */
  verbose?: boolean;
  color?: boolean;
}

const COLORS: Record<FindingStatus, string> = {
  FAIL: '\u001b[31m', ERROR: '\u001b[33m', SUPPRESSED: '\u001b[36m', PASS: '\u001b[32m', NOT_APPLICABLE: '\u001b[90m',
};
const RESET = '\u001b[0m';

/** A person's view of a scan: grouped by HIPAA standard, failures first, with a remediation line. */
export function renderTable(run: ScanRun, findings: readonly Finding[], options: TableOptions = {}): string {
  const paint = (status: FindingStatus, text: string) => (options.color ? `${COLORS[status]}${text}${RESET}` : text);
  const lines: string[] = [];
  lines.push(`HIPAA technical safeguards scan ${run.id}`);
  lines.push(`Account ${run.accountIds.join(', ')} · regions ${run.regions.join(', ')} · ${run.startedAt} → ${run.finishedAt}`);
  if (run.status !== 'COMPLETE') {
    lines.push(`Run status: ${run.status} — ${run.collectionErrors.length} API call(s) failed; affected checks report ERROR, not PASS.`);
  }
  lines.push('');
  for (const group of groupByStandard(findings)) {
    const counts = countStatuses(group.findings);
    lines.push(`== ${group.standard} — ${summarize(counts)}`);
    for (const f of group.findings) {
      if (!options.verbose && (f.status === 'PASS' || f.status === 'NOT_APPLICABLE')) continue;
      lines.push(`  ${paint(f.status, f.status.padEnd(10))} ${f.severity.padEnd(8)} ${f.checkId}  [${f.citations.join(', ')}]`);
      lines.push(`             ${f.reason}`);
      if (f.status === 'FAIL') lines.push(`             Fix: ${f.remediation}`);
      if (f.status === 'SUPPRESSED' && f.suppression) {
        lines.push(`             Accepted risk ${f.suppression.id} by ${f.suppression.approvedBy} until ${f.suppression.expiresAt}: ${f.suppression.reason}`);
      }
    }
    lines.push('');
  }
  lines.push(`Total: ${summarize(countStatuses(findings))}`);
  lines.push('', ...renderCoverage(run.coverage ?? []));
  return lines.join('\n') + '\n';
}

function countStatuses(findings: readonly Finding[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { FAIL: 0, ERROR: 0, SUPPRESSED: 0, PASS: 0, NOT_APPLICABLE: 0 };
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

function summarize(counts: Record<FindingStatus, number>): string {
  return `${counts.FAIL} fail, ${counts.ERROR} error, ${counts.SUPPRESSED} suppressed, ${counts.PASS} pass, ${counts.NOT_APPLICABLE} n/a`;
}

/** "What this audit does not look at": present resource types no finding is about, per region. */
export function renderCoverage(coverage: readonly RegionCoverage[]): string[] {
  if (coverage.length === 0) return [];
  const lines = ['== What this audit does not look at'];
  for (const c of coverage) {
    const where = `  ${c.accountId} ${c.region}`;
    if (c.source === 'unavailable') lines.push(`${where}: ${c.reason ?? 'inventory unavailable'}`);
    else if (c.unassessed.length === 0) lines.push(`${where} (${SOURCE_NAMES[c.source]}): every resource type present is assessed`);
    else lines.push(`${where} (${SOURCE_NAMES[c.source]}): ${c.unassessed.map((u) => `${u.resourceType} ${u.count}`).join(', ')}`);
  }
  return lines;
}

const SOURCE_NAMES: Record<RegionCoverage['source'], string> = {
  config: 'AWS Config inventory',
  'resource-explorer': 'Resource Explorer inventory',
  unavailable: 'no inventory',
};

