import type { RegionCoverage } from '../model/coverage.js';
import type { Finding } from '../model/finding.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import type { FindingStatus } from '../model/status.js';
import type { ScanRun } from '../model/run.js';
import { fillRemediation } from './fill-remediation.js';
import { compareBySeverity, groupByStandard } from './grouping.js';
import { foldLine, wrapText } from './text-fold.js';

export const TABLE_SORTS = ['standard', 'severity'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];

/** Width when the output is not a terminal (a file, a pipe): wide enough for a fix command, narrow enough for a mail. */
export const DEFAULT_TABLE_WIDTH = 100;
/** Lines a fix may take in the table; the full command is in --format json, csv and html. */
export const FIX_LINES = 4;

export interface TableOptions {
  /** Show PASS and NOT_APPLICABLE rows too (otherwise only counted). */
  verbose?: boolean;
  color?: boolean;
  /** `standard` (default): grouped by HIPAA standard, most severe first in each; `severity`: one list. */
  sort?: TableSort;
  /** Columns to wrap to (the terminal's width); default DEFAULT_TABLE_WIDTH. */
  width?: number;
}

const COLORS: Record<FindingStatus, string> = {
  FAIL: '\u001b[31m', ERROR: '\u001b[33m', SUPPRESSED: '\u001b[36m', PASS: '\u001b[32m', NOT_APPLICABLE: '\u001b[90m',
};
const RESET = '\u001b[0m';
const INDENT = ' '.repeat(13);

/**
 * A person's view of a scan. It opens with the summary (what is open by severity, the run's
 * completeness, coverage), then lists what needs attention: grouped by HIPAA standard or as one list by
 * severity. Every field is folded to one line and wrapped to `width`.
 */
export function renderTable(run: ScanRun, findings: readonly Finding[], options: TableOptions = {}): string {
  const width = Math.max(40, options.width ?? DEFAULT_TABLE_WIDTH);
  const paint = (status: FindingStatus, text: string) => (options.color ? `${COLORS[status]}${text}${RESET}` : text);
  const shown = (f: Finding) => options.verbose === true || (f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE');
  const lines: string[] = [...renderSummary(run, findings, width), ''];
  let shortened = false;
  const renderFinding = (f: Finding) => {
    lines.push(`  ${paint(f.status, f.status.padEnd(10))} ${f.severity.padEnd(8)} ${f.checkId}  [${f.citations.join(', ')}]`);
    lines.push(...wrapText(f.reason, width, INDENT));
    if (f.status === 'FAIL') {
      const fix = wrapText(fillRemediation(f.remediation, f.resource), width, INDENT, 'Fix:');
      if (fix.length > FIX_LINES) {
        shortened = true;
        const last = fix[FIX_LINES - 1] ?? '';
        fix.splice(FIX_LINES - 1, fix.length, `${last.slice(0, Math.max(INDENT.length, width - 2))} …`);
      }
      lines.push(...fix);
    }
    if (f.status === 'SUPPRESSED' && f.suppression) {
      const s = f.suppression;
      lines.push(...wrapText(`Accepted risk ${s.id} by ${s.approvedBy} until ${s.expiresAt}: ${s.reason}`, width, INDENT));
    }
  };
  if (options.sort === 'severity') {
    const listed = findings.filter(shown).sort(compareBySeverity);
    lines.push(...wrapText(`== ${options.verbose ? 'All results' : 'Needing attention'}, most severe first — ${summarize(countStatuses(findings))}`, width, ''));
    listed.forEach(renderFinding);
    lines.push('');
  } else {
    for (const group of groupByStandard(findings)) {
      lines.push(...wrapText(`== ${group.standard} — ${summarize(countStatuses(group.findings))}`, width, ''));
      group.findings.filter(shown).forEach(renderFinding);
      lines.push('');
    }
  }
  if (shortened) lines.push(...wrapText(`Fix lines longer than ${FIX_LINES} lines are shortened (…); --format json, csv or html has each full command.`, width, ''));
  const coverage = renderCoverage(run.coverage ?? []);
  if (coverage.length > 0) lines.push('', ...coverage);
  return lines.join('\n') + '\n';
}

/** The summary the table opens with; also the first lines a test looks for. */
export function renderSummary(run: ScanRun, findings: readonly Finding[], width: number = DEFAULT_TABLE_WIDTH): string[] {
  const counts = countStatuses(findings);
  const failing = bySeverity(findings.filter((f) => f.status === 'FAIL'));
  const erroring = bySeverity(findings.filter((f) => f.status === 'ERROR'));
  const lines = [
    `HIPAA technical safeguards scan ${run.id}`,
    `Account ${run.accountIds.join(', ')} · regions ${run.regions.join(', ')} · ${run.startedAt} → ${run.finishedAt}`,
    counts.FAIL === 0 ? 'Open failures: none' : `Open failures: ${counts.FAIL} — ${describeSeverities(failing)}`,
    ...(counts.ERROR > 0 ? [`Not assessed (ERROR): ${counts.ERROR} — ${describeSeverities(erroring)}`] : []),
    `Results: ${summarize(counts)} (${findings.length} in all)`,
    run.status === 'COMPLETE'
      ? 'Run: COMPLETE — every API call the checks needed was answered'
      : `Run: ${run.status} — ${run.collectionErrors.length} API call(s) failed; affected checks report ERROR, not PASS`,
    coverageSummary(run.coverage),
  ];
  return lines.flatMap((line) => wrapText(line, width, ''));
}

function bySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

function describeSeverities(counts: Record<Severity, number>): string {
  return SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`).join(', ');
}

function coverageSummary(coverage: readonly RegionCoverage[] | undefined): string {
  if (coverage === undefined) return 'Coverage: not computed (a scan of selected --checks does not collect the resource inventory)';
  if (coverage.length === 0) return 'Coverage: no region inventoried';
  const inventoried = coverage.filter((c) => c.source !== 'unavailable');
  const unassessed = inventoried.flatMap((c) => c.unassessed);
  const types = new Set(unassessed.map((u) => u.resourceType));
  const resources = unassessed.reduce((sum, u) => sum + u.count, 0);
  const noInventory = coverage.length - inventoried.length;
  return (
    `Coverage: ${inventoried.length} of ${coverage.length} region(s) inventoried` +
    (noInventory > 0 ? ` (${noInventory} without an inventory)` : '') +
    (types.size === 0 ? '; every resource type present is assessed' : `; ${resources} resource(s) of ${types.size} type(s) not assessed (listed at the end)`)
  );
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
    if (c.source === 'unavailable') lines.push(`${where}: ${foldLine(c.reason ?? 'inventory unavailable')}`);
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
