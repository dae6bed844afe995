import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { selectChecks } from '../../checks/registry.js';
import { parseThresholds, ThresholdsError, type Thresholds } from '../../checks/thresholds.js';
import { findingsToCsv } from '../../report/csv.js';
import { renderHtmlReport } from '../../report/html/index.js';
import { toScanReport } from '../../report/json.js';
import { renderAsffJson } from '../../report/asff.js';
import { renderOcsfJson, renderOcsfJsonLines } from '../../report/ocsf.js';
import { DEFAULT_TABLE_WIDTH, renderTable, TABLE_SORTS, type TableSort } from '../../report/table.js';
import { validateRegionNames } from '../../scan/regions.js';
import { scanAccount } from '../../scan/scan-account.js';
import type { Finding } from '../../model/finding.js';
import type { ScanRun } from '../../model/run.js';
import { addAwsOptions, clientsFromOptions, homeRegion, type AwsCliOptions } from '../aws-options.js';
import { EXIT, UsageError } from '../errors.js';
import { importScanIntoSecurityHub } from '../security-hub.js';
import { checkOutputFile } from '../output-path.js';

/**
 * The scan's report formats: the one list the `--format` option offers. A new format is one entry here
 * and one branch in formatReport.
 */
export const SCAN_FORMATS = ['table', 'json', 'csv', 'html', 'ocsf', 'ocsf-jsonl', 'asff'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

interface ScanCliOptions extends AwsCliOptions {
  regions?: string;
  checks?: string;
  format: ScanFormat;
  securityHub?: boolean;
  sort: TableSort;
  output?: string;
  verbose?: boolean;
  officerEmail?: string[];
  thresholds?: string;
  allowBelowHipaaMinimum?: boolean;
  concurrency: string;
}

export function registerScanCommand(program: Command): void {
  const command = program
    .command('scan')
    .description('Collect configuration from an AWS account (read-only) and evaluate the HIPAA safeguard checks')
    .option('--regions <list>', 'comma-separated regions, or "all" for every enabled region (default: --region)')
    .option('--checks <ids>', 'comma-separated check ids to run (default: all)')
    .addOption(new Option('--format <format>', 'output format (table: summary first, fix lines wrapped to the terminal; json/csv/html: full fix commands)').choices(SCAN_FORMATS).default('table'))
    .addOption(new Option('--sort <order>', 'table: "standard" groups by HIPAA standard, most severe first in each; "severity" is one list, most severe first').choices(TABLE_SORTS).default('standard'))
    .option('--security-hub', "import the findings into the scanned account's Security Hub (ASFF, BatchImportFindings)")
    .option('--output <file>', 'write the report to a file instead of stdout (checked before the scan starts)')
    .option('--verbose', 'table: also list PASS and NOT_APPLICABLE results')
    .option('--officer-email <email...>', 'designated security official, compared with the SECURITY alternate contact')
    .option('--thresholds <file>', 'JSON file overriding check thresholds (see README); unknown keys are an error')
    .option('--allow-below-hipaa-minimum', 'accept thresholds below what HIPAA requires (e.g. auditLogRetentionDays < 2192); reported as such')
    .option('--concurrency <n>', 'maximum concurrent AWS API calls', '8');
  addAwsOptions(command).action(async (options: ScanCliOptions) => {
    process.exitCode = await runScan(options);
  });
}

export async function runScan(options: ScanCliOptions): Promise<number> {
  const region = validateRegionNames([homeRegion(options)])[0] ?? 'us-east-1';
  const regions = parseRegions(options.regions, region);
  const { checks, unknown } = selectChecks(options.checks?.split(',').map((s) => s.trim()).filter(Boolean));
  if (unknown.length > 0) throw new UsageError(`Unknown check id(s): ${unknown.join(', ')}. Run "hipaa-audit checks" to list them.`);
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${options.concurrency}".`);
  }
  const thresholds = loadThresholds(options.thresholds, options.officerEmail, options.allowBelowHipaaMinimum === true);
  // Before minutes of collection, not after: a report that cannot be written is a usage error.
  if (options.output !== undefined) await checkOutputFile(options.output, '--output');
  const clients = clientsFromOptions(options);
  const showProgress = options.format === 'table' || options.output !== undefined;
  try {
    const result = await scanAccount({
      clients,
      regions,
      homeRegion: region,
      checks,
      thresholds,
      concurrency,
      progress: (event) => {
        if (showProgress) process.stderr.write(`[${event.phase}] ${event.detail}\n`);
      },
    });
    for (const b of result.run.thresholds?.belowHipaaMinimum ?? []) {
      process.stderr.write(`warning: threshold ${b.key} ${b.value} is below HIPAA's ${b.minimum} (${b.citation}); this run does not test what HIPAA requires\n`);
    }
    const weaker = result.run.thresholds?.weakerThanDefault ?? [];
    if (weaker.length > 0) process.stderr.write(`warning: thresholds weaker than the defaults: ${weaker.map((w) => `${w.key} ${w.value} (default ${w.default})`).join(', ')}\n`);
    const text = formatReport(result, options);
    if (options.output) {
      await writeFile(options.output, text);
      process.stderr.write(`Report written to ${options.output} (${result.findings.length} findings)\n`);
    } else {
      process.stdout.write(text);
    }
    if (options.securityHub) {
      const imported = await importScanIntoSecurityHub({ clients, run: result.run, findings: result.findings, checkIds: checks.map((c) => c.id), homeRegion: region });
      if (!imported) return EXIT.usage;
    }
    return result.findings.some((f) => f.status === 'FAIL') ? EXIT.findings : EXIT.ok;
  } finally {
    clients.destroy();
  }
}

function formatReport(result: { run: ScanRun; findings: Finding[] }, options: ScanCliOptions): string {
  const toTerminal = options.output === undefined && process.stdout.isTTY === true;
  switch (options.format) {
    case 'json':
      return JSON.stringify(toScanReport(result.run, result.findings), null, 2) + '\n';
    case 'csv':
      return findingsToCsv(result.findings);
    case 'html':
      return renderHtmlReport(result.run, result.findings);
    case 'ocsf':
      return renderOcsfJson(result.run, result.findings);
    case 'ocsf-jsonl':
      return renderOcsfJsonLines(result.run, result.findings);
    case 'asff':
      return renderAsffJson(result.run, result.findings, { importerAccountId: result.run.accountIds[0] ?? '', homeRegion: homeRegion(options) });
    case 'table':
      return renderTable(result.run, result.findings, {
        verbose: options.verbose ?? false,
        color: toTerminal,
        sort: options.sort,
        width: toTerminal ? (process.stdout.columns ?? DEFAULT_TABLE_WIDTH) : DEFAULT_TABLE_WIDTH,
      });
  }
}

function parseRegions(value: string | undefined, fallback: string): string[] | 'all' {
  if (value === undefined) return [fallback];
  if (value.trim() === 'all') return 'all';
  const regions = value.split(',').map((r) => r.trim()).filter(Boolean);
  if (regions.length === 0) throw new UsageError('--regions needs at least one region, or "all".');
  return validateRegionNames(regions);
}

function loadThresholds(file: string | undefined, officerEmails: string[] | undefined, allowBelowHipaaMinimum: boolean): Thresholds {
  let raw: unknown = {};
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UsageError(`Could not read thresholds file ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const merged = officerEmails ? { ...(raw as object), officerEmails } : raw;
  try {
    return parseThresholds(merged, { allowBelowHipaaMinimum, source: file ?? '--officer-email' });
  } catch (err) {
    if (err instanceof ThresholdsError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
}
