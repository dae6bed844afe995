import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deployEmulated, harnessConfig } from '../test/execution/deployment.js';
import { largestPayloadBytes, runWorkflow, type EventLog } from '../test/execution/run-workflow.js';
import { deployedSettings, type DeployedSettings } from './deployed-defaults.js';
import { extrapolate, mapConcurrencyForMargin, perAccountSeconds, REQUIRED_MARGIN, TARGET_ACCOUNTS, TARGET_REGIONS, type LimitCheck, type OrganizationMeasurement } from './organization-limits.js';
import type { FinalizeScaleMeasurement } from './finalize-scale.js';
import type { ProgressLog } from './progress.js';

// The organization point runs the *executed* state machine (the synthesized definition, through the same
// harness as test/execution) over one moto server holding an Organization of N small member accounts.

const INVOKER = fileURLToPath(new URL('../test/execution/invoke-handler.ts', import.meta.url));
/**
 * Accounts at once while measuring: every point so far ran with 5, and one moto process on a small machine
 * serves mapConcurrency x regions scans at once. The extrapolation applies the default configuration's own.
 */
export const MEASUREMENT_MAP_CONCURRENCY = 5;

export interface MeasuredPoint extends OrganizationMeasurement {
  status: string;
  error?: { Error: string; Cause: string };
  runStatus: string;
  apiCallsPerAccount: number;
  apiCallsByService: Record<string, number>;
  longestInvocation: { handler: string; seconds: number };
}

export interface OrganizationPoint extends MeasuredPoint {
  perAccountSeconds: number;
  /** The default configuration's deployment the limits are checked with. */
  extrapolatedWith: DeployedSettings;
  /** The smallest mapConcurrency that finishes 1,000 accounts x 17 regions within half the run timeout. */
  mapConcurrencyFor2xMargin: number;
  limits: LimitCheck[];
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** The settings the default configuration deploys (organization targets), read from its synthesized template. */
export function defaultDeployment(regions: readonly string[]): DeployedSettings {
  return deployedSettings(harnessConfig({ targets: { organization: true }, regions: [...regions] }));
}

/** Fills in the extrapolation of each point, with every point as the data for the growth fits. */
export function withLimits(points: readonly MeasuredPoint[], deployed: DeployedSettings, finalize?: FinalizeScaleMeasurement): OrganizationPoint[] {
  return points.map((p) => ({
    ...p,
    perAccountSeconds: round(perAccountSeconds(p, deployed).measured),
    extrapolatedWith: deployed,
    mapConcurrencyFor2xMargin: mapConcurrencyForMargin(p, deployed),
    limits: extrapolate(p, deployed, finalize),
  }));
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

/** Each account's child execution, first to last event; and its region Map's time per round of regionConcurrency regions. */
function childTiming(children: readonly EventLog[][], regions: number, regionConcurrency: number): Pick<OrganizationMeasurement, 'accountExecutionSeconds' | 'regionRoundSeconds'> {
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
  const spans = children.filter((e) => e.length > 0).map((e) => ((e.at(-1)?.timestamp ?? 0) - (e[0]?.timestamp ?? 0)) / 1000);
  const regionMaps = children.flatMap((events) => {
    const entered = events.find((e) => e.type === 'StateEntered' && e.state.name === 'ScanRegions');
    const exited = events.find((e) => e.type === 'StateExited' && e.state.name === 'ScanRegions');
    return entered && exited ? [(exited.timestamp - entered.timestamp) / 1000] : [];
  });
  return {
    accountExecutionSeconds: { mean: round(mean(spans)), max: round(Math.max(0, ...spans)) },
    regionRoundSeconds: round(mean(regionMaps) / Math.ceil(regions / regionConcurrency)),
  };
}

/** Measures one point; `withLimits` extrapolates it once every point is known. */
export async function runOrganizationPoint(accounts: number, regions: readonly string[], log: ProgressLog): Promise<MeasuredPoint> {
  log(`organization: ${accounts} member accounts x ${regions.length} regions: seeding moto`);
  // Emulated accounts only: the Lambdas' default credential chain must never find a real profile.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_EC2_METADATA_DISABLED: 'true' });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  const config = harnessConfig({ targets: { organization: true }, regions: [...regions], mapConcurrency: MEASUREMENT_MAP_CONCURRENCY });
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
    const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
    const finalizeRss = resolved ? await finalizePeakRssMb(resolved) : Number.NaN;
    const regionConcurrency = deployment.workflow.definition.States.ScanAccounts?.ItemProcessor?.States.ScanRegions?.MaxConcurrency ?? 1;
    const measured: OrganizationMeasurement = {
      accounts, scannedAccounts: scanned, regions: [...regions],
      mapConcurrency: deployment.workflow.definition.States.ScanAccounts?.MaxConcurrency ?? 1, regionConcurrency,
      wallSeconds: round(wallSeconds),
      largestPayloadBytes: { parent: largestPayloadBytes(run.events), child: Math.max(0, ...run.childEvents.map(largestPayloadBytes)) },
      historyEvents: { parent: run.events.length, largestChild: Math.max(0, ...run.childEvents.map((e) => e.length)) },
      ...childTiming(run.childEvents, regions.length, regionConcurrency),
      longestInvocationByHandler: byHandler,
      finalizeRunPeakRssMb: round(finalizeRss, 1),
    };
    return {
      ...measured, status: run.status, ...(run.error ? { error: run.error } : {}), runStatus: finalized?.status ?? 'none',
      apiCallsPerAccount: round(totalCalls / Math.max(scanned, 1), 1), apiCallsByService: calls,
      longestInvocation: { handler: longest.entry, seconds: round(longest.ms / 1000) },
    };
  } finally {
    await deployment.stop();
  }
}

export function renderOrganization(points: readonly OrganizationPoint[]): string {
  const lines = ['', `Organization (executed state machine, moto; extrapolated to ${TARGET_ACCOUNTS} accounts x ${TARGET_REGIONS} regions with the default configuration's settings)`];
  for (const p of points) {
    const d = p.extrapolatedWith;
    lines.push(`  ${p.accounts} member accounts (${p.scannedAccounts} scanned) x ${p.regions.length} regions, measured at mapConcurrency ${p.mapConcurrency}: ` +
      `${p.status} / run ${p.runStatus}, ${p.wallSeconds} s wall, ${p.perAccountSeconds} s per account, ` +
      `${p.apiCallsPerAccount} API calls per account, largest payload ${p.largestPayloadBytes.parent} B parent / ${p.largestPayloadBytes.child} B child, ` +
      `longest Lambda ${p.longestInvocation.handler} ${p.longestInvocation.seconds} s, history ${p.historyEvents.parent} parent / ${p.historyEvents.largestChild} child events, ` +
      `FinalizeRun peak ${p.finalizeRunPeakRssMb} MB (a tsx child process, mostly tsx and Node; the memory limit reads the finalize section)`);
    lines.push(`    defaults: mapConcurrency ${d.mapConcurrency}, ${d.regionConcurrency} regions at once, timeout ${d.runTimeoutSeconds} s, ` +
      `FinalizeRun ${d.memoryMbByHandler['finalize-run.ts']} MB, ${d.reservedConcurrency} reserved of ${d.reservableConcurrency} reservable; ` +
      `mapConcurrency for a ${REQUIRED_MARGIN}x margin on the timeout: ${p.mapConcurrencyFor2xMargin}`);
    for (const l of p.limits) {
      const flag = l.belowRequiredMargin ? `  << BELOW ${REQUIRED_MARGIN}x` : '';
      lines.push(`    ${l.limit}: ${l.extrapolated} ${l.unit} of ${l.limitValue} (margin ${l.margin}x)${flag}\n      = ${l.formula}`);
    }
  }
  return lines.join('\n');
}
