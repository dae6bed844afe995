import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deployEmulated, harnessConfig } from '../test/execution/deployment.js';
import { largestPayloadBytes, runWorkflow } from '../test/execution/run-workflow.js';
import type { ProgressLog } from './progress.js';

// The organization point runs the *executed* state machine (the synthesized definition, through the same
// harness as test/execution) over one moto server holding an Organization of N small member accounts.

export const TARGET_ACCOUNTS = 1_000;
export const TARGET_REGIONS = 17;
const INVOKER = fileURLToPath(new URL('../test/execution/invoke-handler.ts', import.meta.url));

export interface LimitCheck {
  limit: string;
  limitValue: number;
  unit: string;
  measured: number;
  formula: string;
  extrapolated: number;
  /** limitValue / extrapolated; the target is >= 2. */
  margin: number;
}

export interface OrganizationPoint {
  accounts: number;
  regions: string[];
  mapConcurrency: number;
  regionConcurrency: number;
  status: string;
  error?: { Error: string; Cause: string };
  runStatus: string;
  wallSeconds: number;
  apiCallsPerAccount: number;
  apiCallsByService: Record<string, number>;
  largestPayloadBytes: { parent: number; child: number };
  longestInvocation: { handler: string; seconds: number };
  longestInvocationByHandler: Record<string, number>;
  historyEvents: { parent: number; largestChild: number };
  finalizeRunPeakRssMb: number;
  perAccountSeconds: number;
  /** The smallest mapConcurrency that finishes 1,000 accounts x 17 regions within half the 6 h timeout. */
  mapConcurrencyFor2xMargin: number;
  limits: LimitCheck[];
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function check(limit: string, limitValue: number, unit: string, measured: number, formula: string, extrapolated: number): LimitCheck {
  return { limit, limitValue, unit, measured: round(measured), formula, extrapolated: round(extrapolated), margin: round(limitValue / Math.max(extrapolated, 1e-9)) };
}

/** Runs FinalizeRun again in its own process (it is idempotent) to read its peak resident memory. */
async function finalizePeakRssMb(event: unknown): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', INVOKER, 'finalize-run.ts', JSON.stringify(event)], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = stderr.split('\n').reverse().find((l) => l.startsWith('{"maxRssKb"'));
  if (code !== 0 || !line) throw new Error(`FinalizeRun child failed (${code}): ${stderr.slice(-500)}`);
  return (JSON.parse(line) as { maxRssKb: number }).maxRssKb / 1024;
}

export async function runOrganizationPoint(accounts: number, regions: readonly string[], log: ProgressLog): Promise<OrganizationPoint> {
  log(`organization: ${accounts} member accounts x ${regions.length} regions: seeding moto`);
  // Emulated accounts only: the Lambdas' default credential chain must never find a real profile.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_EC2_METADATA_DISABLED: 'true' });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  const config = harnessConfig({ targets: { organization: true }, regions: [...regions] });
  const deployment = await deployEmulated({ config, organizationAccounts: accounts, log });
  try {
    deployment.proxy.requestsByService.clear();
    log('organization: executing the synthesized state machine');
    const started = Date.now();
    const run = await runWorkflow({
      definition: deployment.workflow.definition, handlerByArn: deployment.workflow.handlerByArn, handlers: deployment.handlers,
      input: deployment.workflow.scheduleInput, skipRetryWaits: true, s3: deployment.s3,
    });
    const wallSeconds = (Date.now() - started) / 1000;
    const calls = Object.fromEntries([...deployment.proxy.requestsByService.entries()].sort((a, b) => b[1] - a[1]));
    const resolved = run.calls.find((c) => c.entry === 'resolve-targets.ts' && c.ok)?.output as { runId: string; startedAt: string; executionId: string } | undefined;
    const finalized = run.calls.find((c) => c.entry === 'finalize-run.ts' && c.ok)?.output as { status: string } | undefined;
    const scanned = new Set(run.calls.filter((c) => c.entry === 'seal-account.ts').map((c) => (c.input as { accountId: string }).accountId)).size;
    const byHandler: Record<string, number> = {};
    for (const c of run.calls) byHandler[c.entry] = Math.max(byHandler[c.entry] ?? 0, round(c.ms / 1000));
    const longest = run.calls.reduce((a, b) => (b.ms > a.ms ? b : a));
    const parentPayload = largestPayloadBytes(run.events);
    const childPayload = Math.max(0, ...run.childEvents.map(largestPayloadBytes));
    const childEvents = Math.max(0, ...run.childEvents.map((e) => e.length));
    const finalizeRss = resolved ? await finalizePeakRssMb(resolved) : Number.NaN;
    const mapConcurrency = deployment.workflow.definition.States.ScanAccounts?.MaxConcurrency ?? 1;
    const regionConcurrency = deployment.workflow.definition.States.ScanAccounts?.ItemProcessor?.States.ScanRegions?.MaxConcurrency ?? 1;
    const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
    const n = regions.length;
    // An account's processing time (child execution), with regionConcurrency regions at once.
    const perAccountSeconds = (wallSeconds * mapConcurrency) / Math.max(scanned, 1);
    const unitSeconds = byHandler['scan-target.ts'] ?? 0;
    const rounds = (r: number) => Math.ceil(r / regionConcurrency);
    const perAccount17 = perAccountSeconds + (rounds(TARGET_REGIONS) - rounds(n)) * unitSeconds;
    const limits = [
      check('state input/output payload (child execution)', 256 * 1024, 'bytes', childPayload,
        `child payload grows with the regions of one account, not with accounts: ${childPayload} B x ${TARGET_REGIONS}/${n}`, (childPayload * TARGET_REGIONS) / n),
      check('state input/output payload (parent execution)', 256 * 1024, 'bytes', parentPayload,
        'constant: the target list is in S3 and the Map writes its results to S3 (measured, no growth with accounts)', parentPayload),
      check('execution history events (child execution)', 25_000, 'events', childEvents,
        `one account's child execution grows with its regions: ${childEvents} x ${TARGET_REGIONS}/${n}`, (childEvents * TARGET_REGIONS) / n),
      check('execution history events (parent execution)', 25_000, 'events', run.events.length,
        'constant: a Distributed Map adds no events per item to the parent (measured with the harness shim)', run.events.length),
      check('Lambda duration, FinalizeRun (15 min)', 900, 's', byHandler['finalize-run.ts'] ?? 0,
        `linear in accounts: ${byHandler['finalize-run.ts'] ?? 0} s x ${TARGET_ACCOUNTS}/${scanned}`, ((byHandler['finalize-run.ts'] ?? 0) * TARGET_ACCOUNTS) / Math.max(scanned, 1)),
      check('Lambda duration, ScanTarget (15 min)', 900, 's', unitSeconds,
        'one region of one account: independent of accounts and regions (small accounts here; see the scan points for large ones)', unitSeconds),
      check('execution duration (state machine timeout 6 h, our own limit)', 6 * 3600, 's', wallSeconds,
        `${TARGET_ACCOUNTS} accounts / MaxConcurrency ${mapConcurrency} x per-account ${round(perAccount17)} s (${round(perAccountSeconds)} s at ${n} regions + ${rounds(TARGET_REGIONS) - rounds(n)} more rounds of ${regionConcurrency} regions x ${unitSeconds} s)`,
        (TARGET_ACCOUNTS / mapConcurrency) * perAccount17),
      check('Distributed Map concurrency (10,000 child executions)', 10_000, 'executions', mapConcurrency,
        'MaxConcurrency from the configuration (mapConcurrency), independent of accounts', mapConcurrency),
      check('FinalizeRun memory (1,024 MB Lambda is its size here: 512 MB configured)', 512, 'MB', finalizeRss,
        `reads one small item per account, never findings: ${round(finalizeRss)} MB, grows by item size only (~1 KB x accounts)`, finalizeRss + (TARGET_ACCOUNTS - scanned) / 1024),
    ];
    return {
      accounts, regions: [...regions], mapConcurrency, regionConcurrency, status: run.status, ...(run.error ? { error: run.error } : {}), runStatus: finalized?.status ?? 'none',
      wallSeconds: round(wallSeconds), apiCallsPerAccount: round(totalCalls / Math.max(scanned, 1), 1), apiCallsByService: calls,
      largestPayloadBytes: { parent: parentPayload, child: childPayload },
      longestInvocation: { handler: longest.entry, seconds: round(longest.ms / 1000) }, longestInvocationByHandler: byHandler,
      historyEvents: { parent: run.events.length, largestChild: childEvents },
      finalizeRunPeakRssMb: round(finalizeRss, 1), perAccountSeconds: round(perAccountSeconds),
      mapConcurrencyFor2xMargin: Math.ceil((2 * TARGET_ACCOUNTS * perAccount17) / (6 * 3600)),
      limits,
    };
  } finally {
    await deployment.stop();
  }
}

export function renderOrganization(points: readonly OrganizationPoint[]): string {
  const lines = ['', 'Organization (executed state machine, moto; extrapolated to 1,000 accounts x 17 regions)'];
  for (const p of points) {
    lines.push(`  ${p.accounts} member accounts x ${p.regions.length} regions: ${p.status} / run ${p.runStatus}, ${p.wallSeconds} s wall, ` +
      `${p.apiCallsPerAccount} API calls per account, largest payload ${p.largestPayloadBytes.parent} B parent / ${p.largestPayloadBytes.child} B child, ` +
      `longest Lambda ${p.longestInvocation.handler} ${p.longestInvocation.seconds} s, history ${p.historyEvents.parent} parent / ${p.historyEvents.largestChild} child events, ` +
      `FinalizeRun peak ${p.finalizeRunPeakRssMb} MB (a tsx child process), mapConcurrency for a 2x margin on the 6 h timeout: ${p.mapConcurrencyFor2xMargin}`);
    for (const l of p.limits) lines.push(`    ${l.limit}: ${l.extrapolated} ${l.unit} of ${l.limitValue} (margin ${l.margin}x) — ${l.formula}`);
  }
  return lines.join('\n');
}
