import type { BenchmarkResults } from './benchmark.js';
import type { PointResult } from './scan-point.js';
import { fixed, int, kib, mib, renderTable, usd } from './table.js';

/** The human-readable report printed by `npm run bench`; results.json carries the same data. */
export function renderReport(results: BenchmarkResults): string {
  const { points } = results;
  const env = results.environment;
  const sections = [
    `hipaa-audit benchmark  ${results.generatedAt}  node ${env.node} ${env.platform}/${env.arch}, ${env.cpus} CPU (${env.cpuModel})`,
    `seed concurrency ${results.options.seedConcurrency}, scan concurrency ${results.options.scanConcurrency}, eval ≥ ${results.options.evalMinMs} ms, moto default AMIs ${results.options.motoDefaultAmis ? 'on' : 'off'}`,
    section('Scales side by side', renderTable(['', ...points.map((p) => p.scale.name)], comparisonRows(points))),
    section('API calls by service', byKeyTable(points, (p) => p.calls.byService)),
    section('API calls by operation', byKeyTable(points, (p) => p.calls.byOperation)),
  ];
  const withErrors = points.filter((p) => Object.keys(p.calls.errors).length > 0);
  if (withErrors.length > 0) sections.push(section('Failed calls (moto gaps or real errors)', byKeyTable(points, (p) => p.calls.errors)));
  sections.push(section('Seeding (not part of the scan)', seedTable(points)));
  sections.push(section('Slowest checks per evaluation pass', points
    .map((p) => `${p.scale.name}: ${p.evaluation.slowestChecks.map((c) => `${c.id} ${fixed(c.msPerPass, 3)} ms (${c.results} results)`).join(', ')}`)
    .join('\n')));
  if (results.bundles) {
    const b = results.bundles;
    const all = [...b.handlers, b.scanCoreProxy];
    const rows = all.map((h) => (h.error ? [h.entry, 'build failed', '', ''] : [h.entry, kib(h.bytes), kib(h.gzipBytes), kib(h.bytesSdkExternal)]));
    const contents = all
      .filter((h) => !h.error)
      .map((h) => `  ${h.entry}: ${h.topPackages.map((p) => `${p.name} ${kib(p.bytes)}`).join(', ')}`);
    const errors = all.filter((h) => h.error).map((h) => `  ${h.entry}: ${h.error ?? ''}`);
    sections.push(section('Lambda bundles (esbuild, minified, node22 esm)', [
      ...(b.note ? [b.note] : []),
      renderTable(['entry', 'all bundled', 'gzip', '@aws-sdk+@smithy external'], rows),
      'largest contributors (all bundled):',
      ...contents,
      ...(errors.length > 0 ? ['build errors:', ...errors] : []),
    ].join('\n')));
  }
  const largest = [...points].sort((a, b) => b.resources.total - a.resources.total)[0];
  if (largest) sections.push(section(`Cost per account-month at daily scans (${largest.scale.name} scale)`, costText(largest)));
  sections.push(section('Targets', renderTable(['target', 'goal', 'measured', 'status', 'margin'],
    results.targets.map((t) => [t.name, t.target, t.measured, t.status, t.margin]), ['l', 'l', 'l', 'l', 'l'])));
  return `${sections.join('\n\n')}\n`;
}

function section(title: string, body: string): string {
  return `== ${title} ==\n${body}`;
}

function comparisonRows(points: readonly PointResult[]): string[][] {
  const row = (label: string, f: (p: PointResult) => string): string[] => [label, ...points.map(f)];
  return [
    row('regions', (p) => String(p.scale.regions.length)),
    row('IAM users / roles / policies', (p) => `${p.scale.users} / ${p.scale.roles} / ${p.scale.policies}`),
    row('resources (global + regional)', (p) => `${int(p.resources.global)} + ${int(p.resources.regional)}`),
    row('resources total', (p) => int(p.resources.total)),
    row('scan wall time', (p) => `${fixed(p.scan.wallSeconds, 2)} s`),
    row('warm-up scan, empty (untimed)', (p) => `${fixed(p.scan.warmupSeconds, 2)} s`),
    row('API calls', (p) => int(p.calls.total)),
    row('HTTP attempts (incl. retries)', (p) => int(p.calls.attempts)),
    row('IAM calls', (p) => int(p.iamCalls)),
    row('calls / resource', (p) => fixed(p.callsPerResource, 2)),
    row('peak RSS (50 ms samples)', (p) => mib(p.memory.peakRssBytes)),
    row('maxRSS (process lifetime)', (p) => mib(p.memory.maxRssBytes)),
    row('findings', (p) => int(p.findings.total)),
    row('findings FAIL / ERROR', (p) => `${int(p.findings.byStatus.FAIL ?? 0)} / ${int(p.findings.byStatus.ERROR ?? 0)}`),
    row('collection errors', (p) => int(p.collectionErrors.count)),
    row('eval resource-checks/s', (p) => int(p.evaluation.resultsPerSecond)),
    row('eval ms per full pass', (p) => fixed(p.evaluation.msPerPass, 2)),
    row('raw evidence (json / gzip)', (p) => `${kib(p.evidence.rawJsonBytes)} / ${kib(p.evidence.gzipBytes)}`),
    row('raw evidence operations / objects', (p) => `${int(p.evidence.operations)} / ${int(p.evidence.objects)}`),
    row('findings.json / .csv', (p) => `${kib(p.evidence.findingsJsonBytes)} / ${kib(p.evidence.findingsCsvBytes)}`),
    row('stored as .json.gz / .csv.gz', (p) => `${kib(p.evidence.findingsJsonGzipBytes)} / ${kib(p.evidence.findingsCsvGzipBytes)}`),
    row('stored bytes per run (S3)', (p) => kib(p.store.steadyRun.seal.storedBytes)),
    row('DynamoDB writes, run 1 / steady run', (p) => `${int(p.store.firstRun.record.dynamoWrites)} / ${int(p.store.steadyRun.record.dynamoWrites)}`),
    row('DynamoDB WRU, run 1 / steady run', (p) => `${int(p.store.firstRun.record.wru)} / ${int(p.store.steadyRun.record.wru)}`),
    row('DynamoDB RRU, run 1 / steady run', (p) => `${fixed(p.store.firstRun.record.rru, 1)} / ${fixed(p.store.steadyRun.record.rru, 1)}`),
    row('findings changed in steady run', (p) => `${int(p.store.steadyRun.changedFindings)} (${fixed(p.store.changeRate * 100, 1)} %)`),
    row('cost / account-month (1st / 6y)', (p) => `${usd(p.cost.totalFirstMonthUsd)} / ${usd(p.cost.totalSteadyStateUsd)}`),
  ];
}

function byKeyTable(points: readonly PointResult[], pick: (p: PointResult) => Record<string, number>): string {
  const keys = new Set<string>();
  for (const p of points) for (const k of Object.keys(pick(p))) keys.add(k);
  // Ordered by the largest point's count, so the dominant operations lead.
  const last = points[points.length - 1];
  const ordered = [...keys].sort((a, b) => (last ? (pick(last)[b] ?? 0) - (pick(last)[a] ?? 0) : 0) || (a < b ? -1 : 1));
  return renderTable(['', ...points.map((p) => p.scale.name)], ordered.map((k) => [k, ...points.map((p) => int(pick(p)[k] ?? 0))]));
}

function seedTable(points: readonly PointResult[]): string {
  const labels = new Set<string>();
  for (const p of points) for (const k of Object.keys(p.seed.secondsByGroup)) labels.add(k);
  const rows = [...labels].map((l) => [l, ...points.map((p) => `${fixed(p.seed.secondsByGroup[l] ?? 0, 1)} s`)]);
  rows.push(['total', ...points.map((p) => `${fixed(p.seed.seconds, 1)} s`)]);
  return renderTable(['', ...points.map((p) => p.scale.name)], rows);
}

function costText(point: PointResult): string {
  const c = point.cost;
  const rows: string[][] = [];
  for (const l of c.lines) {
    rows.push([l.item, 'month 1', usd(l.firstMonthUsd), l.formula]);
    rows.push(['', `after ${c.assumptions.retentionYears} y`, usd(l.steadyStateUsd), l.steadyFormula]);
  }
  return [
    `${int(point.findings.total)} findings, ${fixed(point.store.changeRate * 100, 1)} % of them changing per day; us-east-1 prices as of ${c.pricesAsOf} (bench/cost.ts)`,
    renderTable(['item', 'when', 'USD/month', 'formula'], rows, ['l', 'l', 'r', 'l']),
    `total: ${usd(c.totalFirstMonthUsd)} in month 1, ${usd(c.totalSteadyStateUsd)} at steady state (after ${c.assumptions.retentionYears} years of retention)`,
    'DynamoDB units, S3 requests and stored bytes are metered from the real calls against moto (bench/request-meter.ts);',
    'Lambda duration is the measured wall time against moto (real AWS latency differs); list prices, no free tier;',
    'the signing KMS key ($1/month), the weekly email, ResolveTargets and FinalizeRun are per deployment, not per account.',
  ].join('\n');
}
